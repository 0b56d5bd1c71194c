const vm = require('vm');
console.log(Object.keys(vm).sort().join(','));
globalThis.shared = 40;
console.log(vm.runInThisContext('shared + 2'));
console.log(vm.runInThisContext('var declared = 5; typeof require'), typeof declared, declared);
const script = new vm.Script('shared += 1; shared', { filename: 'counter.js' });
console.log(script.runInThisContext(), script.runInThisContext());
console.log(script instanceof vm.Script, typeof script.runInThisContext);
try {
  vm.runInThisContext('throw new Error("inside")', { filename: 'thrower.js' });
} catch (e) {
  console.log(e.message, e instanceof Error);
}
try {
  new vm.Script('let let = 1', { filename: 'bad.js' });
} catch (e) {
  console.log(e.name, e.message);
}
try {
  vm.runInThisContext('({');
} catch (e) {
  console.log(e.name, e.message);
}
const add = vm.compileFunction('return a + b + (typeof c)', ['a', 'b']);
console.log(add(1, 2), add.length);
console.log(vm.compileFunction('return this && this.v').call({ v: 9 }));
console.log(vm.isContext({}));
for (const bad of [() => vm.isContext(1), () => vm.runInThisContext(1), () => vm.compileFunction('1', 'a')]) {
  try { bad(); } catch (e) { console.log(e.code, e.name, e.message); }
}
console.log(typeof vm.SourceTextModule, typeof vm.SyntheticModule);
