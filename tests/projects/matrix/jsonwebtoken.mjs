// jsonwebtoken from ESM: the CommonJS package's default export (its module.exports object is built from
// require() calls, so Node's cjs-module-lexer finds no named exports), HS256 with a fixed iat.
import jwt from 'jsonwebtoken';

const { sign, verify, decode, TokenExpiredError } = jwt;

const token = sign({ sub: 'esm', iat: 1700000000 }, 'esm-secret', { expiresIn: 60 });
console.log(token);
console.log(JSON.stringify(verify(token, 'esm-secret', { clockTimestamp: 1700000001 })), decode(token).exp);
try {
  jwt.verify(token, 'esm-secret', { clockTimestamp: 1700000100 });
} catch (err) {
  console.log(err instanceof TokenExpiredError, err.message);
}
