/**
 * An object's icon when it names none (the engine resolves the same default). Apart from the list
 * of icon names, which the first load must not carry for this one name.
 */
export const DEFAULT_OBJECT_ICON = 'FileTextOutlined';
