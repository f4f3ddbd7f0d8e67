import type { OrganizationKind, Role } from '../server/domain/roles';

/** The demo center's accounts; listed in the README and, in demo mode only, on the sign-in page. */
export const demoPassword = 'demo-2026';

export interface DemoAccount {
  /** What to type as the username: a staff username, or the petitioner's phone. */
  login: string;
  role: Role;
  displayName: string;
  center: 'jiashan' | 'qingpu' | null;
  organization?: OrganizationKind;
  regionCode?: string;
  /** Staff phones receive notices by SMS (through the outbox in demo mode). */
  phone?: string;
}

export const demoAccounts: DemoAccount[] = [
  { login: '13800000001', role: 'petitioner', displayName: '王大海', center: null },
  { login: 'clerk', role: 'clerk', displayName: '王敏', center: 'jiashan', organization: 'letters_visits_bureau' },
  { login: 'mediator', role: 'mediator', displayName: '李建国', center: 'jiashan', organization: 'mediation_committee', phone: '13900000011' },
  { login: 'judge', role: 'judge', displayName: '陈静', center: 'jiashan', organization: 'court', phone: '13900000012' },
  { login: 'lawyer', role: 'lawyer', displayName: '张伟', center: 'jiashan', organization: 'law_firm', phone: '13900000013' },
  { login: 'labor', role: 'labor_official', displayName: '刘洋', center: 'jiashan', organization: 'hrss_bureau', phone: '13900000014' },
  { login: 'psychologist', role: 'psychologist', displayName: '周琳', center: 'jiashan', organization: 'psychological_service', phone: '13900000015' },
  { login: 'director', role: 'director', displayName: '沈志华', center: 'jiashan', phone: '13900000016' },
  { login: 'supervisor', role: 'supervisor', displayName: '徐明', center: null, regionCode: '330400' },
  { login: 'admin', role: 'admin', displayName: '系统管理员', center: 'jiashan' },
  { login: 'clerk2', role: 'clerk', displayName: '赵丽', center: 'qingpu', organization: 'letters_visits_bureau' },
];

export const demoCenters = {
  jiashan: {
    name: '嘉善县社会治理综合服务中心',
    regionCode: '330421',
    parentRegionCode: '330400',
    organizations: [
      { kind: 'court', name: '嘉善县人民法院驻中心诉调对接工作室' },
      { kind: 'justice_bureau', name: '嘉善县司法局' },
      { kind: 'hrss_bureau', name: '嘉善县人力资源和社会保障局' },
      { kind: 'letters_visits_bureau', name: '嘉善县信访局' },
      { kind: 'law_firm', name: '浙江善和律师事务所' },
      { kind: 'mediation_committee', name: '嘉善县劳动争议人民调解委员会' },
      { kind: 'psychological_service', name: '嘉善县心理健康服务站' },
    ],
    destinations: ['嘉善县人民法院', '嘉善县劳动人事争议仲裁委员会', '嘉善县市场监督管理局（消费投诉）', '嘉善县住房和城乡建设局', '嘉善县公安局交通警察大队', '嘉善县卫生健康局'],
    // 乡级区划代码 as the National Bureau of Statistics lists them (统计用区划代码, first 9 digits).
    townships: [
      { code: '330421001', name: '罗星街道' },
      { code: '330421002', name: '魏塘街道' },
      { code: '330421003', name: '惠民街道' },
      { code: '330421101', name: '大云镇' },
      { code: '330421102', name: '西塘镇' },
      { code: '330421103', name: '干窑镇' },
      { code: '330421104', name: '陶庄镇' },
      { code: '330421105', name: '姚庄镇' },
      { code: '330421106', name: '天凝镇' },
    ],
  },
  qingpu: {
    name: '青浦区社会治理综合服务中心',
    regionCode: '310118',
    parentRegionCode: '310100',
    organizations: [
      { kind: 'letters_visits_bureau', name: '青浦区信访办' },
      { kind: 'justice_bureau', name: '青浦区司法局' },
    ],
    destinations: ['青浦区人民法院', '青浦区劳动人事争议仲裁委员会'],
    townships: [
      { code: '310118001', name: '夏阳街道' },
      { code: '310118002', name: '盈浦街道' },
      { code: '310118003', name: '香花桥街道' },
      { code: '310118102', name: '朱家角镇' },
      { code: '310118103', name: '练塘镇' },
      { code: '310118104', name: '金泽镇' },
      { code: '310118105', name: '赵巷镇' },
      { code: '310118106', name: '徐泾镇' },
      { code: '310118107', name: '华新镇' },
      { code: '310118109', name: '重固镇' },
      { code: '310118110', name: '白鹤镇' },
    ],
  },
} satisfies Record<
  string,
  {
    name: string;
    regionCode: string;
    parentRegionCode: string;
    organizations: { kind: OrganizationKind; name: string }[];
    destinations: string[];
    townships: { code: string; name: string }[];
  }
>;
