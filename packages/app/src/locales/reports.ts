/** Texts of the Work report screens (namespace `reports`). */
export const reports = {
  'zh-TW': {
    nav: '工作報告',
    title: '工作報告',
    lead: '依本系統的核付紀錄與戶籍資料產生本局工作報告（三、社會救助；四、福利服務），格式與用語同本局半年工作報告。',
    from: '起始月份（YYYY-MM）',
    to: '結束月份（YYYY-MM）',
    monthInvalid: '請輸入 YYYY-MM，例如 2023-01',
    show: '產生報告',
    periodHint: '報告期間最長 12 個月；未選擇時顯示最近一個已結束且有核付紀錄的半年。',
    meta: '人口數以 {{asOf}} 戶籍資料為準；製表日期 {{madeOn}}。',
    html: '開啟可列印的網頁（HTML）',
    pdf: '下載 PDF',
    counted: '各項數字由核付紀錄計算：待匯款、已匯出與已入帳的款項列入；退匯、匯款失敗及取消者不計。',
    legend:
      '「本系統尚無此項資料」表示本系統尚未保存該項業務資料（服務、設施、會議或實物給付等）；「本期無核付紀錄」表示該方案本期沒有核付，並非統計結果為零。',
    appendix: '附表：各方案分區核付統計',
    appendixCaption: '{{period}}各方案分區核付統計',
    householdNote: '家戶為給付對象之方案（如低收入戶家庭生活補助），人數與人次以戶計。',
    column: {
      item: '項目',
      program: '方案',
      district: '行政區',
      persons: '人（戶）數',
      personTimes: '人（戶）次',
      households: '戶數',
      amount: '金額',
    },
  },
  en: {
    nav: 'Work report',
    title: 'Work report',
    lead: 'The bureau’s work report (III. Social assistance; IV. Welfare services) from the system’s payments and registry, in the structure and wording of the bureau’s half-year report (in Traditional Chinese).',
    from: 'First month (YYYY-MM)',
    to: 'Last month (YYYY-MM)',
    monthInvalid: 'Enter YYYY-MM, for example 2023-01',
    show: 'Show the report',
    periodHint:
      'A report covers at most 12 months; without a choice, the latest half year that has ended and has payments is shown.',
    meta: 'Population as registered on {{asOf}}; made on {{madeOn}}.',
    html: 'Open the printable page (HTML)',
    pdf: 'Download the PDF',
    counted:
      'Every figure is counted from payments: pending, sent and paid ones count; returned, failed and cancelled ones do not.',
    legend:
      '「本系統尚無此項資料」 (no data in the system yet): the system does not hold this kind of record (services, facilities, meetings, in-kind benefits). 「本期無核付紀錄」 (no payment recorded in the period): the program paid nothing in the period; this is not a measured zero.',
    appendix: 'Appendix: payments per program and district',
    appendixCaption: 'Payments per program and district, {{period}}',
    householdNote:
      'For programs paid to a household (such as the low-income living allowance), persons and person-times count households.',
    column: {
      item: 'Item',
      program: 'Program',
      district: 'District',
      persons: 'Persons (households)',
      personTimes: 'Person-times (household-times)',
      households: 'Households',
      amount: 'Amount',
    },
  },
};
