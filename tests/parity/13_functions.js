// Functions, classes, async and generator functions.
function named() {}
const anon = function () {};
const arrow = () => {};
async function asyncFn() {}
function* genFn() {}
async function* asyncGen() {}
class Plain {}
class Child extends Plain {}
class Static { static x = 1; }
console.log(named, anon, arrow, asyncFn, genFn, asyncGen);
console.log(Plain, Child, Static, class {}, class extends Plain {});
console.log([named, Plain], { method() {}, async am() {}, *gm() {}, async *agm() {}, get g() { return 1; } });
console.log(named.bind(null), (() => {}).bind(null), Math.max, Array.prototype.push);
const withProps = function withProps() {};
withProps.extra = 1;
withProps.nested = { a: 1 };
console.log(withProps);
const nullProto = function nullProto() {};
Object.setPrototypeOf(nullProto, null);
console.log(nullProto);
console.log(Object.defineProperty(function () {}, 'name', { value: '' }));
console.log(Object.defineProperty(function x() {}, 'name', { value: 'renamed' }));
console.log(Symbol, Function, Object, Proxy, Promise);
console.log(String(named), `${arrow}`);
console.log(new Function('a', 'return a'));
const obj = { ['computed' + 1]: function () {} };
console.log(obj);
