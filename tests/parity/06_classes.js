// Class instances, null-prototype objects, symbol keys, getters, toStringTag.
class Point { constructor(x, y) { this.x = x; this.y = y; } }
console.log(new Point(1, 2), [new Point(3, 4)]);
class Empty {}
console.log(new Empty());
class Tagged { get [Symbol.toStringTag]() { return 'Custom'; } }
console.log(new Tagged());
const np = Object.create(null);
np.a = 1;
console.log(np, Object.create(null));
console.log(Object.freeze(Object.create(null)));
const sym = Symbol('key');
console.log({ [sym]: 1, [Symbol()]: 2, [Symbol.iterator]: 3, regular: 4 });
const withGetters = {
  get computed() { return 42; },
  set onlySet(v) {},
  get both() { return 1; },
  set both(v) {},
};
console.log(withGetters);
const inherited = Object.create({ inheritedProp: 1 });
inherited.own = 2;
console.log(inherited);
const anonClass = new (class {})();
console.log(anonClass);
class Base {}
class Derived extends Base { constructor() { super(); this.d = 1; } }
console.log(new Derived());
const weird = Object.create(Point.prototype);
console.log(weird);
const protoless = Object.create(Object.create(null));
console.log(protoless);
function OldStyle() { this.v = 1; }
console.log(new OldStyle());
const hidden = {};
Object.defineProperty(hidden, 'secret', { value: 1, enumerable: false });
console.log(hidden, Object.keys(hidden));
console.log({ 'needs-quotes': 1, valid_id: 2, 3: 'num', 'with space': 4, 'a\'b': 5 });
console.log({ __proto__: { x: 1 } }, { ['__proto__']: 1 });
