/**
 * Source ids used by the built-in parameter set: docs/methods/regulating-services.md §0.2, plus the two references
 * that section cites inline and the document's own worked example.
 */
export const SOURCES: Record<string, string> = {
  S1: '熊鹏等, 上犹县 VEP article (seed 000)',
  S2: '远东资信 (刘夏明、孙晨童), 探索生态产品价值实现新路径——VEP (seed 001)',
  S3: '白玛卓嘎、肖燚、欧阳志云、王莉雁, 甘孜藏族自治州生态系统生产总值核算研究, 生态学报 2017, 37(19):6302-6312',
  S4: '博文静…欧阳志云, 中国森林生态资产价值评估, 生态学报 2017, 37(12):4182-4190',
  S5: '张春华等, 2004—2013年山东省森林碳储量及其碳汇经济价值, 生态学报 2018, 38(5):1739-1749',
  S6: '江波…欧阳志云, 白洋淀湿地生态系统最终服务价值评估, 生态学报 2017, 37(8)',
  S7: '包蕊等, 甲积峪小流域生态系统服务权衡优化, 生态学报 2018, 38(3):812-828',
  S8: '谢高地等 2015 equivalent factors as reproduced in 罗盛锋、闫文德 2018 and others',
  S9: 'DB3305/T 271—2023 湖州《特定地域单元生态产品价值评估技术规范》 (cover and contents only)',
  S10: 'DB33/T 2274—2025 浙江《生态产品总值（GEP）核算技术规范》 (cover and contents only)',
  S11: 'DB11/T 2059—2022 北京《生态产品总值核算技术规范》; DB3308/T 166—2024 衢州 (cover and contents only)',
  S12: 'A public GEP-platform front end (Youyang, Chongqing): default parameters, provenance not stated',
  S13: 'Shandong 《生态产品总值（GEP）核算技术规范 陆地生态系统（试行）》 news summary',
  LYT1721: 'LY/T 1721—2008 森林生态系统服务功能评估规范, as cited in docs/methods/regulating-services.md §3.1–§3.2',
  HXZN: '《生态保护红线划定指南》(2017) appendix runoff coefficients, as reproduced in docs/methods/regulating-services.md §3.1 [R]',
  M9: 'docs/methods/regulating-services.md §9 worked example: hypothetical round test inputs, not data and not recommendations',
};
