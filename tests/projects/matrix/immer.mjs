// immer: produce, patches and inverse patches, applyPatches, freezing, Map/Set drafts, current/original.
import { produce, produceWithPatches, applyPatches, enablePatches, enableMapSet, isDraft, current, original, freeze, nothing } from 'immer';

enablePatches();
enableMapSet();
const base = { todos: [{ id: 1, text: 'a', done: false }, { id: 2, text: 'b', done: true }], meta: { count: 2 } };
const next = produce(base, (draft) => {
  draft.todos[0].done = true;
  draft.todos.push({ id: 3, text: 'c', done: false });
  draft.meta.count += 1;
});
console.log(JSON.stringify(next));
console.log(next.todos[1] === base.todos[1], next.todos[0] === base.todos[0], Object.isFrozen(next), Object.isFrozen(next.todos[2]));
const [state, patches, inverse] = produceWithPatches(base, (draft) => {
  draft.todos.splice(0, 1);
  draft.meta.label = 'x';
  delete draft.meta.count;
});
console.log(JSON.stringify(patches));
console.log(JSON.stringify(inverse));
console.log(JSON.stringify(applyPatches(state, inverse)) === JSON.stringify(base));
const withMap = produce({ m: new Map([['a', 1]]), s: new Set([1]) }, (draft) => {
  draft.m.set('b', 2);
  draft.s.add(2);
  console.log('draft', isDraft(draft), JSON.stringify(current(draft).m.size), original(draft).m.size);
});
console.log([...withMap.m], [...withMap.s]);
console.log(produce(base, () => nothing), produce(base, (d) => { d.meta.count = 2; }) === base);
const curried = produce((draft, n) => { draft.meta.count = n; });
console.log(curried(base, 9).meta.count, base.meta.count);
const frozen = freeze({ a: { b: 1 } }, true);
try {
  'use strict';
  frozen.a.b = 2;
  console.log('mutated?', frozen.a.b);
} catch (err) {
  console.log('frozen', err.name);
}
try {
  produce(base, (draft) => { draft.meta.count = 5; return { other: true }; });
} catch (err) {
  console.log('error', err.message.split('.')[0]);
}
