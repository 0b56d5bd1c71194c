await Promise.resolve();
export const value = 1;
