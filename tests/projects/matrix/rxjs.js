// rxjs: synchronous pipelines, subjects, error handling, and one pipeline on real timers.
const { of, from, range, merge, concat, zip, combineLatest, Subject, BehaviorSubject, ReplaySubject, timer, interval, throwError, lastValueFrom, firstValueFrom, queueScheduler, asapScheduler, scheduled } = require('rxjs');
const { map, filter, scan, reduce, take, mergeMap, concatMap, switchMap, catchError, retry, distinctUntilChanged, bufferCount, toArray, tap, startWith, pairwise, debounceTime, takeUntil, finalize, delay } = require('rxjs/operators');

const log = (label) => ({ next: (v) => console.log(label, JSON.stringify(v)), error: (e) => console.log(label, 'error', e.message), complete: () => console.log(label, 'done') });
range(1, 10).pipe(filter((n) => n % 2), map((n) => n * n), scan((acc, n) => acc + n, 0)).subscribe(log('scan'));
from([1, 1, 2, 2, 3, 1]).pipe(distinctUntilChanged(), bufferCount(2), toArray()).subscribe(log('buffer'));
of('a', 'b').pipe(concatMap((x) => of(x + 1, x + 2)), reduce((acc, v) => acc + v, '')).subscribe(log('concatMap'));
zip(of(1, 2, 3), of('x', 'y')).subscribe(log('zip'));
concat(of(1), throwError(() => new Error('bad')), of(2)).pipe(catchError((e) => of(`caught ${e.message}`))).subscribe(log('catch'));
let attempts = 0;
of(null).pipe(tap(() => { attempts += 1; if (attempts < 3) throw new Error(`try ${attempts}`); }), retry(2), map(() => attempts)).subscribe(log('retry'));
const subject = new Subject();
subject.pipe(startWith(0), pairwise()).subscribe(log('pairwise'));
subject.next(1);
subject.next(2);
subject.complete();
const behavior = new BehaviorSubject('init');
behavior.subscribe(log('behavior'));
behavior.next('changed');
const replay = new ReplaySubject(2);
[1, 2, 3].forEach((n) => replay.next(n));
replay.subscribe(log('replay'));
scheduled([1, 2, 3], queueScheduler).pipe(mergeMap((n) => of(n, n * 10))).subscribe(log('queue'));
scheduled(['asap'], asapScheduler).subscribe(log('asapScheduler'));
combineLatest([of(1, 2), of('a')]).subscribe(log('combineLatest'));
console.log('sync part done');

// Timers, one pipeline after another: the order comes from delays at least 25 ms apart.
async function timers() {
  const fast = interval(50).pipe(map((n) => `fast ${n}`), take(3));
  const slow = timer(75).pipe(map(() => 'slow'));
  const merged = merge(fast, slow).pipe(takeUntil(timer(400)), finalize(() => console.log('timers finalized')));
  console.log('merged', JSON.stringify(await lastValueFrom(merged.pipe(toArray()))));
  const typed = new Subject();
  const debounced = lastValueFrom(typed.pipe(debounceTime(40), toArray()));
  typed.next('h');
  typed.next('he');
  setTimeout(() => typed.next('hello'), 10);
  setTimeout(() => typed.next('hello!'), 100);
  setTimeout(() => typed.complete(), 200);
  console.log('debounced', JSON.stringify(await debounced));
  const delayed = of('late').pipe(delay(30), switchMap((v) => of(v.toUpperCase(), v)));
  console.log('delayed', JSON.stringify(await lastValueFrom(delayed.pipe(toArray()))));
  console.log('firstValueFrom', await firstValueFrom(interval(5).pipe(map((n) => n * 3), filter((n) => n > 5))));
}
timers().then(() => console.log('all timers done'));
