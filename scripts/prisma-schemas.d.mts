export const PROVIDERS: ("sqlite" | "postgresql")[];
export function renderSchema(source: string, provider: string): string;
export function schemaPath(provider: string): string;
