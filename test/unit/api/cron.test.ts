import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SCHEDULE_TZ_MESSAGE,
  nextScheduleAfter,
  scheduleTimeZoneError,
  timeZoneErrors,
  validateSchedule,
  validateTimeZone,
} from '../../../runtime/src/api/cron';

test('valid schedules, including the KIA every-fifteen-minutes one', () => {
  for (const s of [
    '0,15,30,45 * * * *',
    '*/1 * * * *',
    '0 3 * * 1-5',
    '30 2 ? JAN-mar sun,SAT',
    '5/15 0-23/2 1-31 * *',
    '@yearly',
    '@annually',
    '@monthly',
    '@weekly',
    '@daily',
    '@midnight',
    '@hourly',
    '@every 1h30m',
    '@every 1.5s',
  ]) {
    assert.equal(validateSchedule(s), undefined, s);
  }
});

test('parse errors carry robfig/cron texts (validation-rules §10)', () => {
  const cases: [string, string][] = [
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['0 * * * * *', 'expected exactly 5 fields, found 6: [0 * * * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['-1 * * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ['@foo', 'unrecognized descriptor: @foo'],
    ['@every x', 'failed to parse duration @every x: time: invalid duration "x"'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['@every 5d', 'failed to parse duration @every 5d: time: unknown unit "d" in duration "5d"'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['5-3 * * * *', 'beginning of range (5) beyond end of range (3): 5-3'],
    ['*/-1 * * * *', 'negative number (-1) not allowed: -1'],
    ['* * * FOO *', 'failed to parse int from FOO: strconv.Atoi: parsing "FOO": invalid syntax'],
    ['', 'empty spec string'],
    ['TZ=Mars/Base * * * * *', 'provided bad location Mars/Base: unknown time zone Mars/Base'],
  ];
  for (const [s, msg] of cases) assert.equal(validateSchedule(s), msg, s);
});

test('TZ in the schedule is its own error, independent of parsing', () => {
  assert.equal(validateSchedule('CRON_TZ=Europe/Berlin 0 * * * *'), undefined);
  assert.equal(scheduleTimeZoneError('CRON_TZ=Europe/Berlin 0 * * * *'), SCHEDULE_TZ_MESSAGE);
  assert.equal(scheduleTimeZoneError('TZ=UTC 0 * * * *'), 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
  assert.equal(scheduleTimeZoneError('0 * * * *'), undefined);
});

test('timeZone validation (validation-rules §10)', () => {
  assert.equal(validateTimeZone('Europe/Berlin'), undefined);
  assert.equal(validateTimeZone('America/New_York'), undefined);
  assert.equal(validateTimeZone('UTC'), undefined);
  assert.equal(validateTimeZone('Etc/UTC'), undefined);
  assert.equal(validateTimeZone('Etc/GMT+5'), undefined);
  assert.equal(validateTimeZone('US/Eastern'), undefined);
  assert.equal(validateTimeZone(''), 'timeZone must be nil or non-empty string');
  assert.equal(validateTimeZone('Local'), 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones');
  assert.deepEqual(timeZoneErrors('local'), [
    'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
    'unknown time zone local',
  ]);
  assert.equal(validateTimeZone('Mars/Olympus'), 'unknown time zone Mars/Olympus');
  assert.equal(validateTimeZone('america/new_york'), 'unknown time zone america/new_york');
  assert.equal(validateTimeZone('Europe/../Berlin'), 'unknown time zone Europe/../Berlin');
  assert.equal(validateTimeZone('Averyveryverylongname/X'), 'unknown time zone Averyveryverylongname/X');
});

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

test('next run of standard schedules in UTC, strictly after the reference', () => {
  assert.equal(iso(nextScheduleAfter('0,15,30,45 * * * *', undefined, at('2024-01-01T12:07:30Z'))), '2024-01-01T12:15:00.000Z');
  assert.equal(iso(nextScheduleAfter('0,15,30,45 * * * *', undefined, at('2024-01-01T12:15:00Z'))), '2024-01-01T12:30:00.000Z');
  assert.equal(iso(nextScheduleAfter('@hourly', undefined, at('2024-01-01T12:00:00Z'))), '2024-01-01T13:00:00.000Z');
  assert.equal(iso(nextScheduleAfter('@weekly', undefined, at('2024-01-01T12:00:00Z'))), '2024-01-07T00:00:00.000Z');
});

test('day of month and day of week are ORed when both are restricted', () => {
  // 2024-01-01 is a Monday: the next is the Monday Jan 8, not only a 1st that is a Monday.
  assert.equal(iso(nextScheduleAfter('0 0 1 * MON', undefined, at('2024-01-01T12:00:00Z'))), '2024-01-08T00:00:00.000Z');
  assert.equal(iso(nextScheduleAfter('0 0 15 * FRI', undefined, at('2024-01-06T00:00:00Z'))), '2024-01-12T00:00:00.000Z');
  // A star on either side makes it an AND.
  assert.equal(iso(nextScheduleAfter('0 0 * * MON', undefined, at('2024-01-02T00:00:00Z'))), '2024-01-08T00:00:00.000Z');
  // 1-31 is not a star in robfig, so it still ORs with the weekday (every day).
  assert.equal(iso(nextScheduleAfter('0 0 1-31 * MON', undefined, at('2024-01-02T00:00:00Z'))), '2024-01-03T00:00:00.000Z');
});

test('time zones: the timeZone field or a TZ prefix; unknown zones never run', () => {
  assert.equal(iso(nextScheduleAfter('0 9 * * *', 'America/New_York', at('2024-01-01T12:00:00Z'))), '2024-01-01T14:00:00.000Z');
  assert.equal(iso(nextScheduleAfter('TZ=Asia/Tokyo 0 9 * * *', undefined, at('2024-01-01T12:00:00Z'))), '2024-01-02T00:00:00.000Z');
  assert.equal(nextScheduleAfter('0 9 * * *', 'Mars/Olympus', at('2024-01-01T12:00:00Z')), undefined);
});

test('@every counts from the reference truncated to the second', () => {
  assert.equal(iso(nextScheduleAfter('@every 90s', undefined, at('2024-01-01T12:00:00.750Z'))), '2024-01-01T12:01:30.000Z');
  assert.equal(iso(nextScheduleAfter('@every 10ms', undefined, at('2024-01-01T12:00:00Z'))), '2024-01-01T12:00:01.000Z');
});

test('schedules that never fire, and invalid ones, have no next run', () => {
  assert.equal(nextScheduleAfter('0 0 31 2 *', undefined, at('2024-01-01T00:00:00Z')), undefined);
  assert.equal(nextScheduleAfter('0 0 , * *', undefined, at('2024-01-01T00:00:00Z')), undefined);
  assert.equal(nextScheduleAfter('61 * * * *', undefined, at('2024-01-01T00:00:00Z')), undefined);
  assert.equal(iso(nextScheduleAfter('0 0 29 2 *', undefined, at('2024-03-01T00:00:00Z'))), '2028-02-29T00:00:00.000Z');
});
