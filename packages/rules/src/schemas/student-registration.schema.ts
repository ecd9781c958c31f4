import { z } from 'zod';
import { bi } from '../i18n/bilingual.js';
import { OTHER_COVER_KINDS } from '../student/eligibility.js';
import {
  calendarDate,
  checkAgainstIdNumber,
  checkIdNumber,
  idKind,
  idNumberText,
  oneOf,
  phone,
  text,
  whenFieldsValid,
} from './fields.js';

export const GENDERS = ['male', 'female'] as const;
export const STUDY_STATUSES = ['enrolled', 'deferred'] as const;

/**
 * S-1.2: the data of attachment 1 (个人参加城乡居民基本医疗保险信息登记表). "Wrong data means it
 * cannot be processed", so every field is checked here, including the ID against its kind
 * (S-1.3) and the birth date against the ID.
 */
export const studentRegistrationSchema = z
  .object({
    name: text('姓名', 'Name'),
    idKind,
    idNumber: idNumberText,
    gender: oneOf(GENDERS, '性别', 'Gender'),
    birthDate: calendarDate('出生日期', 'Birth date'),
    nationalityOrRegion: text('国籍（地区）', 'Nationality / region'),
    phone,
    college: text('院（系）', 'College', 100),
    className: text('班级', 'Class', 50),
    studentNumber: z
      .string({ error: bi('学号必须是文本', 'Student number must be text') })
      .trim()
      .regex(
        /^[0-9A-Za-z-]{4,20}$/,
        bi('学号应为4-20位字母或数字', 'Student number must be 4–20 letters or digits'),
      ),
    studyStatus: oneOf(STUDY_STATUSES, '在读状态', 'Study status'),
    fullTimeStudent: z.boolean({
      error: bi('须注明是否为全日制在校学生', 'Say whether the student is full-time'),
    }),
    otherCover: oneOf(OTHER_COVER_KINDS, '其他基本医疗保障', 'Other basic medical cover'),
    /** S-1.1: the student's own declaration of having no other basic medical cover. */
    declaresNoOtherCover: z.boolean({
      error: bi('须确认无其他基本医疗保障', 'Confirm there is no other cover'),
    }),
  })
  .superRefine(
    (s, ctx) => checkIdNumber(ctx, s.idKind, s.idNumber),
    whenFieldsValid('idKind', 'idNumber'),
  )
  .superRefine(
    (s, ctx) => checkAgainstIdNumber(ctx, s),
    whenFieldsValid('idKind', 'idNumber', 'birthDate', 'gender'),
  )
  .superRefine(
    (s, ctx) => {
      if (s.declaresNoOtherCover && s.otherCover !== 'none') {
        ctx.addIssue({
          code: 'custom',
          path: ['declaresNoOtherCover'],
          message: bi(
            '声明无其他医疗保障，但填写了其他保障',
            'Declared no other cover but named one',
          ),
        });
      }
    },
    whenFieldsValid('otherCover', 'declaresNoOtherCover'),
  );
export type StudentRegistrationInput = z.input<typeof studentRegistrationSchema>;
export type StudentRegistration = z.output<typeof studentRegistrationSchema>;
