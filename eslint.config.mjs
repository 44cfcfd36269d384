import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";

// The layers, from the top: app/ and components/ (screens), lib/services (use cases), lib/presentation (labels and
// formatting for the screens), lib/data (queries), and the self-contained libraries lib/sts (the STS protocol, client and simulator) and lib/domain (Italian invoicing rules).
// Arrows point down only; the two libraries import nothing of the app.
const appFolders = ["./app", "./components", "./jobs", "./scripts", "./prisma", "./bench", "./tests"];

const boundaries = [
  {
    target: "./lib/sts",
    from: ["./lib", ...appFolders],
    except: ["./sts"],
    message: "lib/sts is self-contained: it imports nothing of the app.",
  },
  {
    target: "./lib/domain",
    from: ["./lib", ...appFolders],
    except: ["./domain"],
    message: "lib/domain is self-contained: it imports nothing of the app.",
  },
  {
    target: "./lib/data",
    from: ["./lib/services", "./lib/actions"],
    message: "lib/data serves the services: it never imports them.",
  },
  {
    target: "./lib/presentation",
    from: ["./lib/services"],
    message: "lib/presentation formats for the screens: pure functions of their arguments, never a use case.",
  },
  {
    target: "./lib",
    from: ["./app", "./components", "./jobs", "./scripts", "./bench", "./tests"],
    message: "lib/ never imports the screens, the jobs, the scripts or the tests.",
  },
];

// The statement builders of lib/data, for the data functions that run them together (lib/data/sts-batch-saves.ts).
const sqlStatementBuilders = ["exchangesInsert", "submissionInsert", "submissionUpdate", "stsRecordsUpdate"];

// What a script would read the window's size with (window.x or the bare global x).
const widthReaders = ["innerWidth", "outerWidth", "matchMedia", "visualViewport"].map((name) => ({
  name,
  message: "Adapt to the width with CSS (media queries), not in scripts: see tests/e2e/every-page.spec.ts.",
}));

const reactRulesOff = Object.fromEntries(
  nextVitals
    .flatMap((config) => Object.keys(config.rules ?? {}))
    .filter((rule) => rule.startsWith("react/") || rule.startsWith("react-hooks/"))
    .map((rule) => [rule, "off"]),
);

export default defineConfig([
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/generated/**",
    "tests/.artifacts/**",
    "next-env.d.ts",
    "prisma/migrations/**",
  ]),
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A box that scrolls on its own (a wide table on a phone) is a labelled region the keyboard must reach
      // (WCAG 2.1.1; axe's scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"] }],
    },
  },
  {
    rules: {
      "import/no-restricted-paths": ["error", { zones: boundaries }],
      "import/no-cycle": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Hand-written SQL lives in lib/data, behind functions named for the unit of work ("save the upload's result"):
    // a use case never builds, joins or runs a statement, nor needs to know the rules of running several together.
    files: ["lib/services/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/data/direct-sql"],
              message: "Services never run SQL: call a lib/data function named for the unit of work.",
            },
            {
              group: ["**/data/*"],
              importNames: sqlStatementBuilders,
              message: "Services never build SQL statements: call a lib/data function named for the unit of work.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "TSQualifiedName[left.name='Prisma'][right.name='Sql']",
          message: "Services never hold SQL statements: they belong in lib/data.",
        },
        {
          selector: "MemberExpression[object.name='Prisma'][property.name=/^(sql|raw|join|empty)$/]",
          message: "Services never build SQL statements: they belong in lib/data.",
        },
        {
          selector: "MemberExpression[property.name=/^[$](query|execute)Raw(Unsafe)?$/]",
          message: "Services never run SQL: call a lib/data function named for the unit of work.",
        },
      ],
    },
  },
  {
    // Links go through components/ui/link.tsx, which turns Next's prefetching off (a prefetch is a server render).
    files: ["app/**", "components/**"],
    ignores: ["components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", message: "Import Link from @/components/ui/link (no prefetching)." }] },
      ],
    },
  },
  {
    // The screens adapt to the width through CSS alone: the page sweep (tests/e2e/every-page.spec.ts) loads each page
    // once and checks the phone width by resizing it, which is only the phone's page while no script reads the size.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...widthReaders.map(({ name, message }) => ({ object: "window", property: name, message })),
      ],
      "no-restricted-globals": ["error", ...widthReaders],
    },
  },
  {
    // React lives in app/ and components/ only; elsewhere the React rules would only find false hooks (Playwright's
    // fixtures are called `use`) and cost the lint a third of its time (the compiler-based hook rules analyse every
    // function).
    files: ["lib/**", "tests/**", "bench/**", "jobs/**", "scripts/**", "prisma/**"],
    rules: reactRulesOff,
  },
  {
    // Tests read the JSON the simulator's admin API and the command line print, whatever its shape.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
]);
