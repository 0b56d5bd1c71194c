export default 'hello from greeting.mjs';
