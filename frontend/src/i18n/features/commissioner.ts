import type { FeatureTexts } from '../resources';

export default {
  zhCN: {
    commissioner: {
      nav: { apply: '申请科技特派员', consents: '特派员单位同意', review: '特派员审核', notice: '特派员公示', archive: '服务档案', evaluation: '年度考核', statistics: '特派员统计' },
      type: { RURAL: '农村科技特派员', ENTERPRISE: '企业科技特派员', COMMUNITY: '社区科技特派员' },
      status: { AWAITING_CONSENT: '等待单位同意', IN_REVIEW: '科技局审核中', APPROVED: '已选派', REJECTED: '未通过', CONSENT_REFUSED: '单位不同意', WITHDRAWN: '已撤回' },
      standing: { SELECTED: '在派', EXITED: '已退出', REMOVED: '已撤销资格' },
      grade: { EXCELLENT: '优秀', COMPETENT: '称职', INCOMPETENT: '不称职' },
      field: { name: '姓名', type: '类型', profile: '个人简介', expertise: '专业特长', employer: '派出单位', served: '服务企业', servedUnit: '服务单位（村/社区）', region: '管理县区', villages: '服务村', talent: '“三区”人才', hrOpinion: '人社部门意见', reason: '决定理由', year: '年度' },
      apply: { title: '申请科技特派员', submit: '提交申请', mine: '我的申请', record: '我的特派员档案', letter: '下载聘书', resign: '申请退出', resignConfirm: '确定退出科技特派员队伍？', withdraw: '撤回申请', noOrganisation: '请先加入一个单位（派出单位）。', certificate: '聘书编号', submitted: '申请已提交，等待单位同意。', open: '您有一份申请正在办理。' },
      consents: { title: '待我同意的特派员申请', employer: '作为派出单位同意', enterprise: '作为服务企业同意', refuse: '不同意', empty: '没有待同意的申请' },
      review: { title: '科技特派员选派审核', approve: '选派', reject: '不予选派', empty: '没有待审核的申请', decision: '选派决定', consents: '单位意见' },
      notice: { title: '科技特派员选派公示', intro: '以下人员经本人申请、所在单位同意、科技局会同人社部门审核，拟选派为科技特派员，现予公示。', empty: '本年度暂无公示名单', year: '年度' },
      archive: { title: '科技特派员服务档案', file: '登记服务记录', place: '服务地点', content: '服务内容', outcome: '服务成效', servedOn: '服务日期', confirm: '确认', dispute: '有异议', notCommissioner: '只有在派科技特派员可以登记服务记录。', recordStatus: { FILED: '待确认', CONFIRMED: '已确认', DISPUTED: '有异议' } },
      evaluation: { title: '科技特派员年度考核', base: '参评人数', cap: '优秀名额', given: '已评优秀', feedback: '服务单位意见', grade: '评定' },
      statistics: { title: '科技特派员统计', active: '在派特派员', newThisYear: '本年新增', teams: '特派员团队', bases: '科技示范基地', poorVillages: '贫困村覆盖', talents: '“三区”人才', target: '目标', coverage: '各县区村覆盖', villages: '行政村', covered: '已覆盖', poor: '贫困村', poorCovered: '贫困村已覆盖', villageList: '村级覆盖明细', demoNote: '村名为演示数据（虚构）。' },
    },
  },
  en: {
    commissioner: {
      nav: { apply: 'Apply as commissioner', consents: 'Commissioner consents', review: 'Commissioner review', notice: 'Commissioner notice', archive: 'Service archive', evaluation: 'Annual evaluation', statistics: 'Commissioner statistics' },
      type: { RURAL: 'Rural commissioner', ENTERPRISE: 'Enterprise commissioner', COMMUNITY: 'Community commissioner' },
      status: { AWAITING_CONSENT: 'Awaiting consent', IN_REVIEW: 'In review', APPROVED: 'Selected', REJECTED: 'Rejected', CONSENT_REFUSED: 'Consent refused', WITHDRAWN: 'Withdrawn' },
      standing: { SELECTED: 'Active', EXITED: 'Exited', REMOVED: 'Removed' },
      grade: { EXCELLENT: 'Excellent', COMPETENT: 'Competent', INCOMPETENT: 'Incompetent' },
      field: { name: 'Name', type: 'Type', profile: 'Profile', expertise: 'Expertise', employer: 'Employer (dispatching unit)', served: 'Served enterprise', servedUnit: 'Served unit (village/community)', region: 'Managing county', villages: 'Villages served', talent: '"Three regions" talent', hrOpinion: 'HR opinion', reason: 'Reason', year: 'Year' },
      apply: { title: 'Apply as S&T commissioner', submit: 'Submit application', mine: 'My applications', record: 'My commissioner record', letter: 'Download appointment letter', resign: 'Resign', resignConfirm: 'Leave the commissioner roster?', withdraw: 'Withdraw', noOrganisation: 'Join an organisation (your employer) first.', certificate: 'Certificate no.', submitted: 'Submitted; waiting for your employer\'s consent.', open: 'You have an open application.' },
      consents: { title: 'Applications awaiting my consent', employer: 'Consent as employer', enterprise: 'Consent as served enterprise', refuse: 'Refuse', empty: 'Nothing awaits your consent' },
      review: { title: 'Commissioner selection review', approve: 'Select', reject: 'Reject', empty: 'No applications in review', decision: 'Decision', consents: 'Consents' },
      notice: { title: 'Public notice of selected commissioners', intro: 'The following people applied, were released by their employers and reviewed by the S&T bureau with the HR bureau, and are selected as S&T commissioners.', empty: 'No one published this year yet', year: 'Year' },
      archive: { title: 'Commissioner service archive', file: 'File a service', place: 'Place', content: 'Service', outcome: 'Outcome', servedOn: 'Date', confirm: 'Confirm', dispute: 'Dispute', notCommissioner: 'Only active commissioners can file services.', recordStatus: { FILED: 'To confirm', CONFIRMED: 'Confirmed', DISPUTED: 'Disputed' } },
      evaluation: { title: 'Annual commissioner evaluation', base: 'Commissioners', cap: 'Excellent places', given: 'Excellent given', feedback: 'Served units\' feedback', grade: 'Grade' },
      statistics: { title: 'Commissioner statistics', active: 'Active commissioners', newThisYear: 'New this year', teams: 'Teams', bases: 'Demonstration bases', poorVillages: 'Poor villages covered', talents: '"Three regions" talents', target: 'Target', coverage: 'Village coverage by county', villages: 'Villages', covered: 'Covered', poor: 'Poor villages', poorCovered: 'Poor covered', villageList: 'Villages', demoNote: 'Village names are invented demo data.' },
    },
  },
} satisfies FeatureTexts;
