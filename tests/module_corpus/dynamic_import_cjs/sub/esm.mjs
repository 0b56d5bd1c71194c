export const value = 'esm value';
