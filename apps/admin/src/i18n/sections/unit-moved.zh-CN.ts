/** Unit staff's contact list of children who changed school (N-2.4a, N-2.4b). */
export const unitMovedZhCN = {
  title: '转学学生联系名单',
  intro:
    '以下孩子已转到其他学校，社保卡是为本单位制作的，仍在本单位（N-2.4a）。请通过孩子现在学校的联系人联系家长，在截止日期前到本单位领取社保卡，或请家长直接来本单位领取（N-2.4b）。',
  sheetTitle: (unit: string) => `${unit}转学学生联系名单`,
  deadline: (date: string) => `领取截止日期：${date}（含当日）`,
  overdue: (date: string, today: string) =>
    `业务日期 ${today}：已过领取截止日期 ${date}。未领取的社保卡随回执单第一联退回区县社保中心（N-2.4c）。`,
  print: '打印',
  printHint: 'A4 纸打印，打印当前页（每页最多 200 人）。',
  searchPlaceholder: '姓名、班级或卡号',
  empty: '没有转学学生的社保卡待领取',
  total: (n: number) => `共 ${n} 人`,
  noContact: '未指定',
  columns: {
    seq: '序号',
    holderName: '姓名',
    idNumber: '证件号码',
    className: '班级',
    cardNumber: '社保卡号',
    movedTo: '现所在学校',
    contact: '学校联系人',
    phone: '联系电话',
    note: '联系情况',
  },
  clause: (clause: string) => `依据：京社保发〔2010〕53号 ${clause}`,
};
