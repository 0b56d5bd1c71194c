import ms from 'ms';

export const kind = 'esm';
export const format = (n) => ms(n, { long: true });
