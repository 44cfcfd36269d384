import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AppError } from "../app-error";
import { db } from "../db";
import { describeError } from "../describe-error";
import { sessionSecret } from "../env";
import { clientAddress } from "../http/client-address";
import { authenticatePractitioner } from "../services/accounts/authenticate-practitioner";

declare module "next-auth" {
  interface Session {
    practitionerId: string;
    sessionVersion: number;
  }
  interface User {
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    practitionerId?: string;
    sessionVersion?: number;
  }
}

export function authOptions(): NextAuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email e password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          try {
            const address = clientAddress((request?.headers ?? {}) as Record<string, unknown>);
            const user = await authenticatePractitioner({ db: db(), input: credentials, address });
            return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
          } catch (error) {
            // The message reaches the login form as `error`: it is already Italian and reveals nothing.
            if (error instanceof AppError) throw new Error(error.userMessage);
            console.error(`[login] unexpected error: ${describeError(error)}`);
            throw new Error("Accesso non riuscito per un errore imprevisto. Riprova tra poco.");
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.practitionerId = user.id;
          token.sessionVersion = user.sessionVersion;
        }
        return token;
      },
      async session({ session, token }) {
        session.practitionerId = token.practitionerId ?? "";
        session.sessionVersion = token.sessionVersion ?? -1;
        return session;
      },
    },
  };
}
