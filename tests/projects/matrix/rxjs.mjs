// rxjs from ESM (its ES module build): synchronous operators and a Subject.
import { of, from, Subject, defer, EMPTY, iif } from 'rxjs';
import { map, filter, reduce, switchMap, takeWhile, defaultIfEmpty, groupBy, mergeMap, toArray } from 'rxjs/operators';

from([3, 1, 4, 1, 5, 9, 2, 6]).pipe(filter((n) => n > 1), map((n) => n * 2), reduce((a, b) => a + b)).subscribe((v) => console.log('sum', v));
of('a', 'bb', 'ccc', 'dd').pipe(groupBy((s) => s.length), mergeMap((g) => g.pipe(toArray()))).subscribe((v) => console.log('group', JSON.stringify(v)));
of(1, 2, 3, 4).pipe(takeWhile((n) => n < 3)).subscribe({ next: (v) => console.log('take', v), complete: () => console.log('take done') });
EMPTY.pipe(defaultIfEmpty('empty')).subscribe((v) => console.log('default', v));
const subject = new Subject();
subject.pipe(switchMap((n) => iif(() => n % 2 === 0, of(`even ${n}`), defer(() => of(`odd ${n}`))))).subscribe((v) => console.log(v));
[1, 2, 3].forEach((n) => subject.next(n));
