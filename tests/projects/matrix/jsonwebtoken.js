// jsonwebtoken: HS256 and RS256 sign/verify with fixed keys and a fixed iat, decode, errors.
const fs = require('fs');
const jwt = require('jsonwebtoken');

const IAT = 1700000000;
const secret = 'matrix-shared-secret';
const privateKey = fs.readFileSync('keys/rs256.key', 'utf8');
const publicKey = fs.readFileSync('keys/rs256.pub', 'utf8');
const payload = { sub: 'user-42', role: 'admin', iat: IAT };

const hs = jwt.sign(payload, secret, { algorithm: 'HS256', expiresIn: '1h', issuer: 'matrix', keyid: 'k1' });
console.log('HS256', hs);
const checked = jwt.verify(hs, secret, { issuer: 'matrix', clockTimestamp: IAT + 10 });
console.log('verified', JSON.stringify(checked));
const rs = jwt.sign(payload, privateKey, { algorithm: 'RS256', audience: ['a', 'b'], notBefore: 0 });
console.log('RS256', rs);
console.log('rs verified', JSON.stringify(jwt.verify(rs, publicKey, { algorithms: ['RS256'], audience: 'b', clockTimestamp: IAT })));
console.log('decode', JSON.stringify(jwt.decode(rs, { complete: true }).header));

function attempt(label, fn) {
  try {
    console.log(label, 'ok', JSON.stringify(fn()));
  } catch (err) {
    console.log(label, err.name, err.message, err.expiredAt ? err.expiredAt.toISOString() : '');
  }
}
attempt('wrong secret', () => jwt.verify(hs, 'other', { clockTimestamp: IAT }));
attempt('expired', () => jwt.verify(hs, secret, { clockTimestamp: IAT + 7200 }));
attempt('wrong issuer', () => jwt.verify(hs, secret, { issuer: 'else', clockTimestamp: IAT }));
attempt('alg mismatch', () => jwt.verify(rs, publicKey, { algorithms: ['HS256'], clockTimestamp: IAT }));
attempt('tampered', () => jwt.verify(hs.slice(0, -2) + (hs.endsWith('AA') ? 'BB' : 'AA'), secret, { clockTimestamp: IAT }));
attempt('malformed', () => jwt.verify('a.b', secret));
attempt('rs with hs key', () => jwt.sign(payload, secret, { algorithm: 'RS256' }));
jwt.sign({ n: 1, iat: IAT }, secret, { algorithm: 'HS512' }, (err, token) => {
  console.log('async sign', err, token);
  jwt.verify(token, secret, { clockTimestamp: IAT }, (err2, decoded) => console.log('async verify', err2, JSON.stringify(decoded)));
});
