/**
 * A rule that accepts anything, for controls without a rule of their own: antd checks a control
 * again on change only when it has rules, and that check is what clears the server's error once
 * the admin edits the value it was about.
 */
export const CLEARS_SERVER_ERROR = { validator: () => Promise.resolve() } as const;
