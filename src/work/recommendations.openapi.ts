// Placeholder: this feature's paths in the OpenAPI document (web/openapi.ts spreads them into its own).
export const RECOMMENDATION_PATHS = {} as const;
