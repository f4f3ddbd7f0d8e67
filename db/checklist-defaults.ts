import type { Category } from '../server/domain/case-status';

/** The evidence checklist each center starts with, per kind of dispute (editable per center). */
export const defaultChecklists: Record<Category, string[]> = {
  labor_wages: ['劳动关系证明（合同、工牌、工作服等）', '考勤记录', '工资发放记录或工资条', '与老板的聊天记录', '欠条或工资结算单'],
  neighbours: ['现场照片或视频', '此前协商情况说明'],
  marriage_family: ['结婚证或户口簿', '共同财产清单', '子女抚养情况说明'],
  property_management: ['物业服务合同', '缴费记录', '问题现场照片'],
  land_housing: ['权属证明', '相关合同或协议', '现场照片'],
  consumer: ['购物凭证或发票', '商品或服务问题照片', '与商家的沟通记录'],
  medical: ['病历资料', '医疗费用票据', '医疗机构诊断证明'],
  traffic: ['事故认定书', '医疗费用票据', '误工证明'],
  contract_debt: ['合同或借条', '转账记录', '催款记录'],
  other: ['身份证明', '相关证据材料'],
};
