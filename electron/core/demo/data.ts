/**
 * The demo company's people and customers: deterministic lists, not a binary blob.
 * 3 departments (+ an administrative service department), 8 account managers,
 * 40 customers in tiers A/B/C.
 */
export const DEMO_COMPANY = '示例科技（上海）有限公司';
export const DEMO_FIRST = '2025-12';
export const DEMO_LAST = '2026-11';

export const departments = [
  { code: 'D01', name: '销售一部', service: false },
  { code: 'D02', name: '销售二部', service: false },
  { code: 'D03', name: '大客户部', service: false },
  { code: 'D09', name: '行政部', service: true },
];

export const managers = [
  { code: 'E001', name: '王芳', dept: 'D01' },
  { code: 'E002', name: '李强', dept: 'D01' },
  { code: 'E003', name: '张伟', dept: 'D01' },
  { code: 'E004', name: '刘洋', dept: 'D02' },
  { code: 'E005', name: '陈静', dept: 'D02' },
  { code: 'E006', name: '杨帆', dept: 'D02' },
  { code: 'E007', name: '赵磊', dept: 'D03' },
  { code: 'E008', name: '黄丽', dept: 'D03' },
];

export const staff = [
  { code: 'E101', name: '周敏', dept: 'D09', role: 'finance' },
  { code: 'E102', name: '吴总', dept: 'D09', role: 'gm' },
];

const places = ['上海', '苏州', '杭州', '南京', '宁波', '无锡', '合肥', '常州', '嘉兴', '绍兴'];
const words = ['蓝海', '华东', '恒信', '金桥', '东方', '瑞丰', '远航', '新纪元', '中科', '鼎盛', '众合', '博远', '汇通', '星辰', '天成', '和信', '锦程', '宏达', '启明', '聚力'];
const trades = ['贸易', '精密机械', '电子科技', '物流', '医疗器械', '食品', '新材料', '软件', '建设工程', '化工'];

/** 40 customers: tier A (8), B (14), C (18); each with an account manager. */
export const customers = Array.from({ length: 40 }, (_, i) => {
  const word = words[i % words.length]!;
  const trade = trades[(i * 7 + Math.floor(i / words.length)) % trades.length]!;
  const place = places[(i * 3) % places.length]!;
  const tier = i < 8 ? 'A' : i < 22 ? 'B' : 'C';
  return {
    code: `C${String(i + 1).padStart(3, '0')}`,
    name: i % 4 === 0 ? `${word}${trade}（${place}）有限公司` : `${place}${word}${trade}有限公司`,
    tier,
    manager: managers[i % managers.length]!.code,
  };
});

/** Who approves a manager's claims: the department's lead, or for a lead another department's lead. */
export function demoApprover(code: string): string {
  const m = managers.find((x) => x.code === code)!;
  const lead = managers.find((x) => x.dept === m.dept)!;
  if (lead.code !== m.code) return lead.code;
  return managers.find((x) => x.dept !== m.dept && managers.find((y) => y.dept === x.dept) === x)!.code;
}
