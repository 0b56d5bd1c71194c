exports.load = () => import('./esm.mjs').then((m) => m.value + ' relative to sub');
