/** Chinese UI strings (the reference set: every key here exists in en.ts, checked by the type below). */
export const zh = {
  app: { title: 'VEP Studio 生态产品价值核算', loading: '正在加载…', noProject: '没有打开的项目', projectError: '无法打开项目：{{message}}' },
  toolbar: {
    import: '导入数据', draw: '绘制红线', edit: '编辑顶点', undo: '撤销', redo: '重做', deleteVertex: '删除', finish: '完成',
    cancelDraw: '取消', fromParcels: '选图斑为红线', account: '核算', table: '属性表', language: 'English', fit: '全图',
    shortcut: '快捷键：{{key}}',
  },
  panels: { layers: '图层', redLines: '红线', params: '参数', identify: '识别', results: '核算结果', table: '属性表', close: '关闭' },
  layers: {
    empty: '项目中还没有图层。点击“导入数据”或把文件拖到地图上。', features: '{{count}} 个要素', visible: '显示', opacity: '不透明度',
    up: '上移', down: '下移', remove: '删除图层', confirmRemove: '确定删除图层“{{title}}”？此操作不能撤销。', zoomTo: '缩放到图层',
    legend: '图例（三调地类）', crs: '坐标系', noCrs: '未知坐标系', results: '单位面积价值（元/m²·a）',
  },
  import: {
    title: '导入数据', choose: '选择文件', browse: '浏览…', dropHint: '把文件拖到这里（shapefile/zip、GeoPackage、GeoJSON、KML、GeoTIFF、坐标文本）',
    inspecting: '正在读取文件信息…', format: '格式', featureCount: '要素数', geometry: '几何类型', crs: '坐标系', encoding: '字符编码',
    detected: '检测到：{{name}}（{{source}}）', fields: '字段', schema: '数据规范', sandiao: '三调地类图斑（DLTB）', layerTitle: '图层名称',
    run: '导入', running: '正在导入…', cancel: '取消', done: '已导入“{{title}}”', encodingAuto: '自动检测', crsKeep: '使用文件中的坐标系',
    crsOverride: '指定坐标系（EPSG 代码）', warnings: '提示', sourceCpg: '.cpg 文件', sourceLdid: 'DBF 语言标志', sourceDetected: '按内容检测',
    sourceUser: '用户指定', sourceFormat: '格式规定', uploading: '正在上传…', gpkgLayer: '数据表',
  },
  files: { title: '选择文件', up: '上一级', home: '主目录', samples: '示例数据', project: '项目文件夹', open: '打开', empty: '此文件夹为空', path: '路径' },
  table: {
    title: '属性表', layer: '图层', rows: '共 {{total}} 行', filterClass: '地类', allClasses: '全部地类', search: '搜索', searchField: '字段',
    searchPlaceholder: '输入文字筛选…', zoomTo: '缩放到所选', loading: '加载中…', area: '计算面积', sortAsc: '升序', sortDesc: '降序',
  },
  identify: {
    hint: '在地图上点击图斑查看属性。', attributes: '属性', area: '椭球面积（计算）', tbmj: '图斑面积（TBMJ）', layer: '图层', id: '要素编号',
    zoomTo: '缩放到图斑', useAsRedLine: '用作红线',
  },
  redLines: {
    empty: '还没有红线。用“绘制红线”画一个面，或从文件导入。', new: '新红线', name: '名称', save: '保存', saved: '已保存', delete: '删除',
    confirmDelete: '确定删除红线“{{name}}”？', importFile: '从文件导入', buffer: '影响区宽度（米）', ring: '影响区', area: '红线面积',
    issues: '检查结果', noIssues: '检查通过', repair: '应用修复', repairHint: '可以自动修复：请检查修复后的形状再保存。', drawing: '正在绘制：单击添加顶点，单击起点或按 Enter 闭合。',
    editing: '正在编辑：拖动顶点移动，点中点插入，选中顶点后按 Delete 删除。', select: '选择', selectedParcels: '已选 {{count}} 个图斑',
    pickParcels: '在地图上单击图斑（可多选），然后点“完成”。', unsaved: '未保存', defaultName: '红线 {{n}}', validationUnavailable: '暂时无法检查：{{message}}',
    snapping: '吸附到图斑顶点和边', fromFileDone: '已从文件读入 {{count}} 个面',
  },
  account: {
    title: '核算', redLine: '红线', params: '参数集', builtin: '内置参数集', mode: '计算方式', modeAuto: '自动（有栅格则用模型）', modeCoefficient: '系数法',
    modeModel: '模型法（需栅格）', rasters: '栅格数据', addRaster: '选择栅格', run: '开始核算', running: '正在核算…', cancel: '取消',
    noRedLine: '请先绘制或选择一条红线。', layer: '图斑图层', cancelled: '核算已取消：本次没有结果，之前的结果不变。',
    phases: { redline: '读取红线', parcels: '读取图斑', rasters: '读取栅格', clip: '裁剪图斑', account: '计算服务价值' },
  },
  results: {
    empty: '还没有核算结果。', zones: '分区', zoneRedline: '红线内', zoneBuffer: '影响区', zoneTotal: '合计', area: '面积', value: '价值（元/年）',
    unitValue: '单位面积价值（元/m²·a）', services: '服务', service: '服务', quantity: '物质量', perClass: '按地类', parcels: '逐图斑明细',
    premium: '溢价', tier: '档次', rate: '溢价率', noTier: '不在任何档次内', illustrativeTiers: '示意档次，并非安吉县官方标准表',
    unverified: '未核实参数 {{count}} 项', unverifiedTitle: '以下参数的出处尚未核实：', warnings: '提示', mode: '方式', modeModel: '模型', modeCoefficient: '系数',
    dlbm: '地类编码', dlmc: '地类名称', zone: '分区', chartTitle: '各服务价值（元/年）', classChartTitle: '各地类价值（元/年）', run: '第 {{id}} 次核算',
    notices: '说明', history: '核算记录（{{count}}）', unverifiedList: '未核实参数',
    status: { running: '进行中', succeeded: '完成', cancelled: '已取消', failed: '失败', interrupted: '已中断' },
  },
  services: {
    water_retention: '水源涵养', soil_conservation: '土壤保持', flood_storage: '洪水调蓄', carbon_sequestration: '固碳', oxygen_release: '释氧',
    climate_regulation: '气候调节',
  },
  params: {
    title: '参数集', sets: '参数集', duplicate: '复制', rename: '重命名', delete: '删除', save: '保存', saved: '已保存', importCsv: '导入 CSV',
    exportCsv: '导出 CSV', classes: '地类系数', prices: '价格', constants: '常数', value: '数值', unit: '单位', source: '来源', year: '价格年份',
    tag: '可信度', verified: '已核实', unverified: '未核实', code: '地类', newName: '{{name}} 副本', renamePrompt: '新名称', issues: '检查问题',
    noIssues: '参数检查通过', builtinReadOnly: '内置参数集只读：复制后再修改。', empty: '项目中还没有参数集。复制内置参数集开始编辑。',
    coefficients: '价值系数', service: '服务', kind: '类型', notSaved: '有 {{count}} 处错误，未保存。',
  },
  jobs: { progress: '{{phase}} {{percent}}%', cancel: '取消', cancelled: '已取消', failed: '失败：{{message}}' },
  status: {
    lonLat: '经纬度', projected: '投影坐标', x: 'X（北）', y: 'Y（东）', scale: '比例尺', areaUnit: '面积单位', m2: 'm²', mu: '亩', ha: '公顷',
    zoom: '缩放级别',
  },
  units: { m2: '平方米', mu: '亩', ha: '公顷' },
  exports: {
    menu: '导出', pdf: '评估报告（PDF）', xlsx: '评估工作簿（Excel）', gpkg: 'GeoPackage', csv: 'CSV 表格', json: 'JSON 结果', mapPng: '地图图片（PNG）',
    mapPdf: '地图（PDF）', layer: '导出图层', redLines: '导出红线', batch: '批量工作簿（全部红线）', running: '正在导出…', batchRunning: '正在批量核算…',
    done: '已保存 {{file}}', saveTitle: '保存为', fileName: '文件名', format: '格式', save: '保存', cancel: '取消', encoding: '属性编码', dpi: '分辨率（DPI）',
    batchDone: '已保存 {{file}}：{{ok}} 条红线已核算，{{failed}} 条失败',
  },
};
export type UiStrings = typeof zh;
