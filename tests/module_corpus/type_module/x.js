export const x = 'esm by type';
