/** A Form.Item rule for a control whose value is a list (columns, tabs, permission sets): at least one item, else `message`. */
export function requiredList(message: string) {
  return { validator: (_: unknown, value?: readonly unknown[]) => (value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error(message))) };
}
