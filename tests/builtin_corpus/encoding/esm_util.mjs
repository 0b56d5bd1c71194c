import { TextDecoder as TD, TextEncoder as TE } from 'node:util';
console.log(TD === TextDecoder, TE === TextEncoder, new TD('utf-16le').encoding, new TE().encode('é'));
