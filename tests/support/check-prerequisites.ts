// The first step of `npm test`: stop at once, with the fix, when the machine lacks what the suite needs.
import { missingChromium } from "./prerequisites";

const problem = missingChromium();
if (problem) {
  console.error(problem);
  process.exit(1);
}
