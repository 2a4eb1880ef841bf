/**
 * Default expense categories with the names and synonyms an import recognises
 * (docs/domain.md: Dimensions). Accounts are template codes, see accounts/default-chart.ts.
 */
export interface DefaultCategory {
  code: string;
  name: string;
  nameEn: string;
  synonyms: string[];
  account: string;
  /** Client categories need a customer on every line (policy). */
  isClient: boolean;
}

export const defaultCategories: DefaultCategory[] = [
  { code: 'TRAVEL', name: '差旅费', nameEn: 'Travel', synonyms: ['出差费', '差旅', '拜访差旅', '客户拜访费', 'travel'], account: 'PS020101', isClient: true },
  { code: 'TRANSPORT', name: '交通费', nameEn: 'Transport', synonyms: ['市内交通', '打车费', '出租车', 'taxi', 'transport'], account: 'PS020101', isClient: true },
  { code: 'LODGING', name: '住宿费', nameEn: 'Lodging', synonyms: ['酒店', '住宿', 'hotel', 'lodging'], account: 'PS020101', isClient: true },
  { code: 'MEALS', name: '餐饮费', nameEn: 'Meals', synonyms: ['餐费', '工作餐', 'meals'], account: 'PS020106', isClient: false },
  { code: 'ENTERTAIN', name: '业务招待费', nameEn: 'Entertainment', synonyms: ['招待费', '招待', 'entertainment'], account: 'PS0205', isClient: true },
  { code: 'EVENT', name: '客户活动费', nameEn: 'Client events', synonyms: ['活动费', '答谢会', '发布会', '培训会', 'event'], account: 'PS020102', isClient: true },
  { code: 'GIFT', name: '客户礼品费', nameEn: 'Client gifts', synonyms: ['礼品', '礼品费', 'gift', 'gifts'], account: 'PS020103', isClient: true },
  { code: 'COMPLAINT', name: '投诉处理费', nameEn: 'Complaint handling', synonyms: ['投诉', '补偿费', '维修费', 'complaint'], account: 'PS020104', isClient: true },
  { code: 'COMM', name: '通讯费', nameEn: 'Communication', synonyms: ['话费', '电话费', 'communication'], account: 'PS020106', isClient: false },
  { code: 'CRM', name: 'CRM系统费', nameEn: 'CRM system', synonyms: ['CRM', '系统费', 'crm'], account: 'PS020105', isClient: false },
  { code: 'OTHER', name: '其他', nameEn: 'Other', synonyms: ['其它', 'other'], account: 'PS020106', isClient: false },
];
