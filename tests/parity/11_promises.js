// Promise states as inspect shows them.
Error.stackTraceLimit = 0;
const pending = new Promise(() => {});
const resolved = Promise.resolve({ value: [1, 2] });
const rejected = Promise.reject(new RangeError('nope'));
rejected.catch(() => {});
console.log(pending, resolved);
console.log(rejected);
const rejectedPrimitive = Promise.reject(42);
rejectedPrimitive.catch(() => {});
console.log(rejectedPrimitive);
console.log(Promise.resolve(Promise.resolve(1)));
console.log({ p: Promise.resolve(undefined), q: Promise.resolve('str') });
(async () => 'async result')().then(() => {});
const later = new Promise((resolve) => setTimeout(() => resolve('done'), 1));
console.log(later);
later.then(() => console.log(later));
const withProp = Promise.resolve(1);
withProp.extra = 'prop';
console.log(withProp);
class MyPromise extends Promise {}
console.log(MyPromise.resolve(3));
