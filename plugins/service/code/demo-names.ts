/** Words the demo data is made of: people's names in both languages, and what customers ask about per category. */
export const GIVEN_NAMES = ['Emma', 'Liam', 'Olivia', 'Noah', 'Mia', 'Lucas', 'Chloe', 'Ethan', 'Grace', 'Leo'];
export const FAMILY_NAMES = ['Walker', 'Chen', 'Müller', 'Okafor', 'Rossi', 'Tanaka', 'Silva', 'Nguyen', 'Smith', 'Kowalski'];
export const CHINESE_FAMILY = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
export const CHINESE_GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '杰', '婷', '强', '军'];

export const CATEGORIES = ['technical', 'billing', 'product', 'delivery', 'account', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Subjects by category: an English and a Chinese way of asking, so the demo reads in either language. */
export const SUBJECTS: Record<Category, readonly string[]> = {
  technical: ['Cannot sign in after the update', 'Gateway drops the connection every hour', 'Error 500 when exporting the report', '同步数据时报错', '设备无法连接服务器', 'API returns a timeout'],
  billing: ['Invoice shows the wrong tax rate', 'Charged twice this month', '发票抬头需要更改', '退款尚未到账', 'Need a copy of last year\'s invoices'],
  product: ['How do I configure the second warehouse?', 'Which model replaces the X200?', '产品说明书在哪里下载', '如何升级到专业版', 'Does the sensor work below zero?'],
  delivery: ['Order arrived damaged', 'Shipment is a week late', '快递单号查询不到', '收货地址需要修改', 'Missing parts in the box'],
  account: ['Add three users to our account', 'Change the account owner', '企业认证资料审核', '合同续签咨询', 'Close our old sub-account'],
  other: ['Feedback on the new portal', 'Request for a site visit', '投诉服务态度', 'Partnership enquiry', '培训课程安排'],
};

export const RESOLUTIONS = ['Walked the customer through the fix; confirmed working.', 'Corrected the record and sent a new document.', '已远程处理，客户确认恢复正常。', 'Replaced under warranty.', '已按客户要求修改并回电确认。', 'Explained the setting; shared the knowledge article.'];

export const SURVEY_COMMENTS = ['Quick and friendly.', 'Took too long to get an answer.', '处理很及时，非常满意。', 'Solved on the first call.', '希望下次能更快响应。', 'Helpful, thanks!'];

/** Knowledge articles by category, [title, summary]. */
export const ARTICLES: Record<Category, readonly (readonly [string, string])[]> = {
  technical: [['Resetting a gateway to factory settings', 'Hold the reset button for ten seconds, then pair again.'], ['排查 API 超时问题', '检查网络、重试策略与调用频率限制。'], ['Signing in with single sign-on', 'Ask your administrator to add your domain.']],
  billing: [['Reading your invoice', 'What each line and tax means.'], ['如何申请退款', '退款流程与所需材料。']],
  product: [['Choosing the right sensor model', 'Ranges, temperatures and mounting.'], ['专业版与标准版的区别', '功能对比与升级方式。']],
  delivery: [['Reporting a damaged delivery', 'Photograph the box and send the order number within 48 hours.'], ['修改收货地址', '发货前可在订单页修改。']],
  account: [['Adding users to your account', 'Admins add users under Settings → Users.'], ['企业认证指南', '需要营业执照与授权书。']],
  other: [['Booking a training session', 'Sessions run every Tuesday; book two weeks ahead.']],
};
