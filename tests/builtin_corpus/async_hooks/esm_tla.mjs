import { AsyncLocalStorage, AsyncResource, executionAsyncId } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { readFile } from 'node:fs/promises';
const als = new AsyncLocalStorage();
console.log(typeof executionAsyncId(), AsyncResource.name, AsyncLocalStorage.name);
const results = await Promise.all([1, 2, 3].map((id) => als.run(id, async () => {
  await sleep(4 - id);
  const before = als.getStore();
  await readFile(import.meta.filename);
  await sleep(id);
  return [before, als.getStore()];
})));
console.log(JSON.stringify(results), als.getStore());
const fn = als.run('bound', () => AsyncResource.bind(() => als.getStore()));
console.log(fn(), als.getStore());
await als.run('tla', async () => {
  await null;
  queueMicrotask(() => console.log('microtask', als.getStore()));
  await sleep(1);
  console.log('after sleep', als.getStore());
});
console.log('end', als.getStore());
