export const t = await Promise.resolve(1);
