import { defineMessages } from './define';

const entityZh: Record<string, string> = { customer: '客户', employee: '员工', department: '部门', category: '费用类别', account: '科目' };

export const mastersMessages = defineMessages(
  {
    'masters.notFound': (p) => `找不到${entityZh[String(p.entity)] ?? p.entity}：${p.id}`,
    'masters.nameTaken': (p) => `${entityZh[String(p.entity)] ?? p.entity}“${p.name}”已存在（编码 ${p.code}）；全角/半角、空格和大小写不同的名称视为同一个`,
    'masters.codeTaken': (p) => `编码 ${p.code} 已被使用`,
    'masters.badRef': (p) => `引用的${entityZh[String(p.entity)] ?? p.entity}不存在：${p.id}`,
    'masters.selfApprover': () => '员工不能做自己的审批人',
    'masters.accountDepth': (p) => `科目 ${p.parent} 已是第三级（4-2-2），不能再增加下级科目`,
    'masters.badSubCode': (p) => `下级科目编码 ${p.code} 必须是 ${p.parent} 加两位数字`,
    'masters.noFreeCode': (p) => `科目 ${p.parent} 下已没有可用的两位编码`,
    'masters.parentHasPostings': (p) => `科目 ${p.parent} 已有 ${p.count} 笔凭证分录，不能再增加下级科目（否则余额无法归属）；请新设同级科目或先将其余额转出`,
    'masters.parentInactive': (p) => `上级科目 ${p.parent} 已停用`,
    'masters.accountHasBalance': (p) => `科目 ${p.account} 尚有余额 ${p.balance}，不能停用`,
    'masters.categoryAccount': (p) => `费用类别的对应科目 ${p.account} 必须是启用的末级科目`,
  },
  {
    'masters.notFound': (p) => `No such ${p.entity}: ${p.id}`,
    'masters.nameTaken': (p) => `A ${p.entity} named "${p.name}" already exists (code ${p.code}); names differing only in full/half width, spaces or case are the same`,
    'masters.codeTaken': (p) => `Code ${p.code} is already in use`,
    'masters.badRef': (p) => `The referenced ${p.entity} does not exist: ${p.id}`,
    'masters.selfApprover': () => 'An employee cannot approve their own claims',
    'masters.accountDepth': (p) => `Account ${p.parent} is already at level 3 (4-2-2); it cannot have sub-accounts`,
    'masters.badSubCode': (p) => `Sub-account code ${p.code} must be ${p.parent} followed by two digits`,
    'masters.noFreeCode': (p) => `No free two-digit code left under ${p.parent}`,
    'masters.parentHasPostings': (p) => `Account ${p.parent} already has ${p.count} voucher lines; it cannot get sub-accounts (its balance would belong nowhere). Add a sibling account or move its balance first`,
    'masters.parentInactive': (p) => `Parent account ${p.parent} is inactive`,
    'masters.accountHasBalance': (p) => `Account ${p.account} still has a balance of ${p.balance}; it cannot be deactivated`,
    'masters.categoryAccount': (p) => `A category's account ${p.account} must be an active leaf account`,
  },
);
