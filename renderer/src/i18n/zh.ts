/** Chinese UI strings (the reference set: every key here exists in en.ts, checked by the type below). */
export const zh = {
  app: { title: 'VEP Studio 生态产品价值核算', loading: '正在加载…' },
  status: { lonLat: '经纬度', projected: '投影坐标' },
};
export type UiStrings = typeof zh;
