export default 'default export';
export const named = 'named export';
export let counter = 1;
export function inc() { counter++; }
