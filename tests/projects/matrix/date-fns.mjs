// date-fns: arithmetic, formatting and parsing of local wall-clock dates (the same in every time zone
// that has no DST change near them), plus UTC-based differences.
import {
  format, addDays, addMonths, subYears, differenceInCalendarDays, differenceInBusinessDays, isLeapYear, startOfWeek,
  endOfMonth, eachDayOfInterval, formatDistance, formatDuration, intervalToDuration, parse, isValid, compareAsc,
  max, min, getISOWeek, isWeekend, formatRelative, closestTo, roundToNearestMinutes,
} from 'date-fns';
import { fr } from 'date-fns/locale/fr';
import { de } from 'date-fns/locale/de';
import { ja } from 'date-fns/locale/ja';

const d = new Date(2024, 0, 31, 12, 30, 15);
console.log(format(d, 'yyyy-MM-dd HH:mm:ss'), format(d, "EEEE, do 'of' MMMM yyyy"), format(d, 'QQQ II RR ww'));
console.log(format(addMonths(d, 1), 'yyyy-MM-dd'), format(addDays(d, 30), 'PPP'), format(subYears(d, 1), 'P p'));
console.log(format(d, 'PPPP', { locale: fr }), '|', format(d, 'PPPP', { locale: de }), '|', format(d, 'PPPP', { locale: ja }));
const e = new Date(2024, 11, 25, 12);
console.log(differenceInCalendarDays(e, d), differenceInBusinessDays(e, d), isLeapYear(d), getISOWeek(e), isWeekend(new Date(2024, 5, 1, 12)));
console.log(format(startOfWeek(d, { weekStartsOn: 1 }), 'yyyy-MM-dd EEE'), format(endOfMonth(new Date(2024, 1, 10, 12)), 'yyyy-MM-dd'));
console.log(eachDayOfInterval({ start: new Date(2024, 2, 1, 12), end: new Date(2024, 2, 5, 12) }).map((x) => format(x, 'd EEEEEE')).join(','));
console.log(formatDistance(d, e), '|', formatDistance(d, addDays(d, 1), { addSuffix: true }), '|', formatDistance(d, e, { locale: fr }));
console.log(formatDuration(intervalToDuration({ start: d, end: e })), '|', formatDuration({ hours: 2, minutes: 5 }, { locale: de }));
const p = parse('29/02/2024 07:05', 'dd/MM/yyyy HH:mm', new Date(2000, 0, 1));
console.log(format(p, "yyyy-MM-dd'T'HH:mm"), isValid(parse('31/02/2024', 'dd/MM/yyyy', new Date())), isValid(new Date(NaN)));
const list = [e, d, new Date(2024, 5, 15, 12)];
console.log(list.sort(compareAsc).map((x) => format(x, 'MM/dd')).join(' '), format(max(list), 'MMM'), format(min(list), 'MMM'));
console.log(formatRelative(addDays(d, -1), d), '|', format(closestTo(new Date(2024, 5, 1), list), 'yyyy-MM-dd'));
console.log(format(roundToNearestMinutes(new Date(2024, 0, 1, 10, 7, 40), { nearestTo: 15 }), 'HH:mm'));
console.log(differenceInCalendarDays(Date.UTC(2024, 2, 31), Date.UTC(2023, 2, 31)));
try {
  format(new Date(NaN), 'yyyy');
} catch (err) {
  console.log(err.name, err.message);
}
