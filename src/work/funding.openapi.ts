// Placeholder: this feature's paths in the OpenAPI document (web/openapi.ts spreads them into its own).
export const FUNDING_PATHS = {} as const;
