import type { unitMovedZhCN } from './unit-moved.zh-CN.js';

export const unitMovedEn: typeof unitMovedZhCN = {
  title: 'Children who changed school',
  intro:
    'These children have moved to another school; their cards were made for your unit and are still here (N-2.4a). Reach the parents through the contact at the child’s current school so they collect the card here by the deadline, or ask the parents to come to your unit (N-2.4b).',
  sheetTitle: (unit) => `${unit}: children who changed school`,
  deadline: (date) => `Collect by ${date} (inclusive)`,
  overdue: (date, today) =>
    `Business date ${today}: the collection deadline ${date} has passed. Uncollected cards go back to the district centre with the receipt’s first copy (N-2.4c).`,
  print: 'Print',
  printHint: 'Prints on A4: the current page (up to 200 children per page).',
  searchPlaceholder: 'Name, class or card number',
  empty: 'No cards of children who changed school are waiting',
  total: (n) => `${n} children`,
  noContact: 'Not named',
  columns: {
    seq: 'No.',
    holderName: 'Name',
    idNumber: 'ID number',
    className: 'Class',
    cardNumber: 'Card number',
    movedTo: 'Current school',
    contact: 'School contact',
    phone: 'Phone',
    note: 'Contact notes',
  },
  clause: (clause) => `Basis: notice 京社保发〔2010〕53号 ${clause}`,
};
