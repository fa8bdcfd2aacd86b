import type { CatalogPair } from "../types";

/**
 * Text for every finding code the core emits (src/core/rules/registry.ts FINDING_CODES).
 * Pack texts (column headers, input labels) arrive as params; the English form is picked by
 * findingMessage from the matching `<name>_en` param.
 */
export const findingsMessages: CatalogPair = {
  "zh-CN": {
    "finding.required.missing": "“{field}”未填写",
    "finding.enum.notAllowed": "“{field}”填写的“{raw}”不在可选范围内,应为:{allowed}",
    "finding.date.afterDeadline": "{field}({date})晚于规定期限 {deadline}",
    "finding.date.inFuture": "{field}({date})晚于评估基准日 {assessmentDate},请核对",
    "finding.value.date.invalid": "“{field}”中的“{raw}”无法识别为日期,请按 2018-04-03 的格式填写",
    "finding.value.date.impossible": "“{field}”中的“{raw}”不是实际存在的日期,请核对",
    "finding.date.textNotDate": "“{field}”中的“{raw}”是文本,按 {date} 计;请改为真正的日期(点“转换为日期”)",
    "finding.value.number.invalid": "“{field}”中的“{raw}”不是数字",
    "finding.value.integer.notWhole": "“{field}”中的“{raw}”应为整数",
    "finding.value.number.negative": "“{field}”中的“{raw}”是负数;人数、次数、年限、金额不能小于 0",
    "finding.value.ratio.invalid": "“{field}”中的“{raw}”无法识别为比例,请填写如 50% 或 0.5",
    "finding.value.ratio.outOfRange": "“{field}”中的“{raw}”超出 0%–100% 的范围",
    "finding.value.yesNo.invalid": "“{field}”中的“{raw}”无法识别,请填写“是”或“否”",
    "finding.value.enum.invalid": "“{field}”中的“{raw}”不在下拉选项中,请从下拉列表中选择",
    "finding.value.status.invalid": "“{field}”中的“{raw}”无法识别,请选择:完成 / 部分完成 / 未开始 / 不适用",
    "finding.dateOrder.violated": "{earlier}({earlierDate})晚于{later}({laterDate}),先后顺序颠倒,请核对",
    "finding.dateOrder.sameDay":
      "{earlier}({earlierDate})与{later}({laterDate})为同一天,{earlier}应早于后一环节",
    "finding.withinDays.exceeded": "{to}({toDate})距{from}({fromDate})已 {actual} 天,超过 {days} 天的时限",
    "finding.withinDays.beforeStart": "{to}({toDate})早于{from}({fromDate}),请核对日期",
    "finding.withinDays.overdue":
      "{to}未填写:应在{from}({fromDate})后 {days} 天内、即 {deadline} 前完成,现已逾期",
    "finding.withinDays.pending": "{to}尚未填写:请在{from}({fromDate})后 {days} 天内、即 {deadline} 前完成",
    "finding.validity.missing":
      "该文件于 {issueDate} 印发,{statedFrom} 起印发的规范性文件须注明有效期,“{field}”未填写",
    "finding.validity.unreadable":
      "“{field}”中的“{raw}”无法识别,请填写有效期年数(如 5)或截止日期(如 2023-04-02)",
    "finding.validity.tooLong": "有效期 {years} 年,超过规范性文件有效期最长 {max} 年的规定",
    "finding.validity.provisionalTooLong": "“{marker}”类文件有效期 {years} 年,超过最长 {max} 年的规定",
    "finding.validity.endTooLate": "有效期至 {until},超过最长 {max} 年的规定(最迟应至 {latest})",
    "finding.validity.provisionalEndTooLate":
      "“{marker}”类文件有效期至 {until},超过最长 {max} 年的规定(最迟应至 {latest})",
    "finding.validity.endBeforeIssue": "有效期截止日 {until} 早于印发日期 {issueDate},请核对",
    "finding.requiredReviews.notDone": "未履行{review}程序",
    "finding.requiredReviews.undated": "已履行{review}程序,但未填写日期",
    "finding.requiredReviews.late":
      "{review}日期({reviewDate})晚于{decision}({decisionDate}),{review}应在{step}前完成",
    "finding.ratio.below":
      "{numeratorLabel}({numerator})占{denominatorLabel}({denominator})的 {ratio}%,低于 {min}% 的要求",
    "finding.ratio.belowAfterDeadline":
      "{numeratorLabel}({numerator})占{denominatorLabel}({denominator})的 {ratio}%,未达到 {by} 前须达到 {min}% 的要求",
    "finding.ratio.belowBeforeDeadline":
      "{numeratorLabel}({numerator})占{denominatorLabel}({denominator})的 {ratio}%,须在 {by} 前达到 {min}%",
    "finding.ratio.zeroDenominator": "{denominatorLabel}为 0,无法计算{numeratorLabel}所占比例",
    "finding.count.belowRange": "{what}为 {count},应在 {min} 至 {max} 之间",
    "finding.count.aboveRange": "{what}为 {count},超过上限,应在 {min} 至 {max} 之间",
    "finding.count.belowMin": "{what}为 {count},应不少于 {min}",
    "finding.count.belowMinInYear": "{year} 年度{what}中符合要求的记录 {count} 条,应不少于 {min} 条",
    "finding.quarterDeadline.late": "{previousYear} 年度报告于 {date} 报送,晚于 {deadline} 的期限",
    "finding.quarterDeadline.missed": "未填写报送日期:{previousYear} 年度报告应于 {deadline} 前报送,期限已过",
    "finding.quarterDeadline.pending": "未填写报送日期:{previousYear} 年度报告请于 {deadline} 前报送",
    "finding.quarterDeadline.notThisYear":
      "报送日期 {date} 是往年的记录,{previousYear} 年度报告未在 {deadline} 前报送",
    "finding.quarterDeadline.notThisYearPending":
      "报送日期 {date} 是往年的记录,{previousYear} 年度报告请于 {deadline} 前报送",
    "finding.evidence.missing": "状态为“完成”,但未填写佐证材料",
    "finding.veto.inWindow": "发生日期 {date} 在近 {years} 年内({windowStart} 以来),属一票否决情形,不予认定",
    "finding.veto.undated": "已发生该否决情形但未填写发生日期,按期限内处理,不予认定",
    "finding.veto.outsideWindow": "发生日期 {date} 早于 {windowStart},已超出近 {years} 年的期限,不影响认定",
    "finding.veto.unanswered": "请填写近期是否发生该情形(是 / 否)",
    "finding.veto.noWindow": "评估基准日缺失,无法判断 {date} 发生的否决情形是否在期限内,暂按不予认定处理",
    "finding.status.notApplicableNoReason": "状态为“不适用”,请在备注中说明理由",
    "finding.status.doneWithoutDate": "状态为“完成”,请填写完成日期",
    "finding.info.townshipMissing": "基本信息中未填写乡镇名称",
    "finding.localMark": "(本地设定)",
    "finding.info.assessmentDateMissing": "基本信息中未填写评估基准日,与日期有关的检查无法进行",
    "finding.info.assessmentYearInvalid":
      "评估年度“{raw}”不是有效年份,请填写如 2018 的四位年份;已按评估基准日推定",
    "finding.info.assessmentYearAfterDate":
      "评估年度 {year} 晚于评估基准日 {assessmentDate} 所在年度;已按评估基准日推定",
    "finding.declaration.withRecords":
      "已声明{table}“本评估年度无此类事项”,但台账中有 {records} 条记录,声明不予认可,按记录计分",
    "finding.info.assessmentDateInvalid": "评估基准日“{raw}”无法识别为日期,请按 2018-12-31 的格式填写",
    "finding.input.missing": "基本信息中“{field}”未填写",
    "finding.table.missing": "找不到“{table}”表格,可能已被删除或改名,请重新安装模板以恢复",
    "finding.row.outsideTable": "本行在表格范围之外,已按台账记录校验",
    "finding.column.missing": "找不到列“{column}”,该列的内容无法校验;请把表头改回“{column}”",
    // issue 12: the record a finding is in, requirements encoded by dropdown options, counts by kind.
    "finding.recordPrefix": "“{record}”:",
    "finding.enum.answerNotAllowed": "“{field}”为“{raw}”,不符合要求:应为“{allowed}”",
    "finding.enum.optionNotAllowed": "“{field}”为“{raw}”,不符合要求:不得为“{raw}”,应为 {allowed}",
    "finding.count.belowMinOfKindInYear": "{year} 年度{what}中“{kind}”{count} 次,应不少于 {min} 次",
    // Clause corrections (issue 12 item 3): each message quotes the clause it enforces.
    "finding.when.mustBeBlank":
      "“{condition}”为“{conditionValue}”,“{field}”不应填写(现为“{raw}”):{requirement}",
    "finding.when.missing": "“{condition}”为“{conditionValue}”,应填写“{field}”:{requirement}",
    "finding.when.notAllowed":
      "“{condition}”为“{conditionValue}”,“{field}”不能为“{raw}”,应为:{allowed}。{requirement}",
    "finding.when.forbidden": "“{condition}”为“{conditionValue}”:{requirement}",
    "finding.notExpired.expired": "“{field}”{date} 早于评估基准日 {assessmentDate},证件已过期:{requirement}",
    "finding.appliesTo.notApplicable": "单位类型为“{unitType}”,以下要求针对其他类型单位,不适用:{requirement}",
    "finding.published.missing": "基本信息中“{field}”未填写:{requirement}",
    "finding.published.channelMissing": "基本信息中“{field}”未填写:{requirement}",
    "finding.published.beforeReport": "公开日期 {published} 早于报告日期 {reported},请核对:{requirement}",
    "finding.validity.overCapExplained":
      "有效期超过一般期限({max} 年),已说明理由“{reason}”;原文为“有效期一般不超过 5 年,暂行、试行的一般不超过 3 年”,请评审核实",
    "finding.requiredReviews.notApplicable": "{review}不适用于本决策,理由:{reason}(请评审核实)",
    "finding.countMatches.mismatch":
      "基本信息中“{field}”填的是 {typed},{ledger}中统计为 {counted};按台账计算,请核对后改正",
    "finding.validity.expiredInForce":
      "有效期已于 {end} 届满(评估基准日 {assessmentDate}),“{field}”仍为“是”:有效期届满的规范性文件自行失效",
  },
  "en-US": {
    "finding.localMark": " (local setting)",
    "finding.required.missing": "{field} is empty",
    "finding.enum.notAllowed": "{field}: “{raw}” is not allowed; use one of {allowed}",
    "finding.date.afterDeadline": "{field} ({date}) is after the deadline {deadline}",
    "finding.date.inFuture": "{field} ({date}) is after the assessment date {assessmentDate}; please check",
    "finding.value.date.invalid": "{field}: “{raw}” is not a date; write it like 2018-04-03",
    "finding.value.date.impossible": "{field}: “{raw}” is not a real date; please check",
    "finding.date.textNotDate":
      "{field}: “{raw}” is text that reads as {date}; it counts as that date but should be a real one (Convert to date)",
    "finding.value.number.invalid": "{field}: “{raw}” is not a number",
    "finding.value.integer.notWhole": "{field}: “{raw}” must be a whole number",
    "finding.value.number.negative":
      "{field}: “{raw}” is negative; counts, years and amounts cannot be below 0",
    "finding.value.ratio.invalid": "{field}: “{raw}” is not a ratio; write it like 50% or 0.5",
    "finding.value.ratio.outOfRange": "{field}: “{raw}” is outside 0%–100%",
    "finding.value.yesNo.invalid": "{field}: “{raw}” is not a yes/no answer; write 是 (yes) or 否 (no)",
    "finding.value.enum.invalid":
      "{field}: “{raw}” is not one of the listed options; choose from the dropdown",
    "finding.value.status.invalid":
      "{field}: “{raw}” is not a status; choose done / partly done / not started / not applicable",
    "finding.dateOrder.violated":
      "{earlier} ({earlierDate}) is after {later} ({laterDate}): the steps are in the wrong order",
    "finding.dateOrder.sameDay":
      "{earlier} ({earlierDate}) and {later} ({laterDate}) fall on the same day; {earlier} must come first",
    "finding.withinDays.exceeded":
      "{to} ({toDate}) is {actual} days after {from} ({fromDate}); the limit is {days} days",
    "finding.withinDays.beforeStart": "{to} ({toDate}) is before {from} ({fromDate}); please check the dates",
    "finding.withinDays.overdue":
      "{to} is missing: it was due within {days} days of {from} ({fromDate}), by {deadline}, and is overdue",
    "finding.withinDays.pending":
      "{to} is not filled in yet: due within {days} days of {from} ({fromDate}), by {deadline}",
    "finding.validity.missing":
      "Issued on {issueDate}: documents issued from {statedFrom} must state their validity, but {field} is empty",
    "finding.validity.unreadable":
      "{field}: “{raw}” cannot be read; give the validity in years (e.g. 5) or its end date (e.g. 2023-04-02)",
    "finding.validity.tooLong": "Validity of {years} years exceeds the maximum of {max} years",
    "finding.validity.provisionalTooLong":
      "A “{marker}” (provisional) document valid for {years} years exceeds the maximum of {max} years",
    "finding.validity.endTooLate":
      "Valid until {until}: longer than the maximum of {max} years (at the latest {latest})",
    "finding.validity.provisionalEndTooLate":
      "A “{marker}” (provisional) document valid until {until}: longer than {max} years (at the latest {latest})",
    "finding.validity.endBeforeIssue":
      "The validity end date {until} is before the issue date {issueDate}; please check",
    "finding.requiredReviews.notDone": "{review}: not carried out",
    "finding.requiredReviews.undated": "{review}: carried out, but its date is missing",
    "finding.requiredReviews.late":
      "{review} ({reviewDate}) is after {decision} ({decisionDate}); {review} must be done before {step}",
    "finding.ratio.below":
      "{numeratorLabel} ({numerator}) are {ratio}% of {denominatorLabel} ({denominator}), below the required {min}%",
    "finding.ratio.belowAfterDeadline":
      "{numeratorLabel} ({numerator}) are {ratio}% of {denominatorLabel} ({denominator}); {min}% was required by {by}",
    "finding.ratio.belowBeforeDeadline":
      "{numeratorLabel} ({numerator}) are {ratio}% of {denominatorLabel} ({denominator}); {min}% is required by {by}",
    "finding.ratio.zeroDenominator":
      "{denominatorLabel} is 0, so the share of {numeratorLabel} cannot be computed",
    "finding.count.belowRange": "{what} is {count}; it must be between {min} and {max}",
    "finding.count.aboveRange": "{what} is {count}, above the limit; it must be between {min} and {max}",
    "finding.count.belowMin": "{what} is {count}; at least {min} required",
    "finding.count.belowMinInYear": "{what}: {count} qualifying records in {year}; at least {min} required",
    "finding.quarterDeadline.late":
      "The report on {previousYear} was submitted on {date}, after the deadline {deadline}",
    "finding.quarterDeadline.missed":
      "No submission date is filled in: the report on {previousYear} was due by {deadline}, which has passed",
    "finding.quarterDeadline.pending":
      "No submission date is filled in yet: the report on {previousYear} is due by {deadline}",
    "finding.quarterDeadline.notThisYear":
      "The submission date {date} belongs to an earlier year; the report on {previousYear} was not submitted by {deadline}",
    "finding.quarterDeadline.notThisYearPending":
      "The submission date {date} belongs to an earlier year; the report on {previousYear} is due by {deadline}",
    "finding.evidence.missing": "Marked done, but no evidence is given",
    "finding.veto.inWindow":
      "Occurred on {date}, within the last {years} years (since {windowStart}): this veto bars recognition",
    "finding.veto.undated":
      "Marked as occurred but undated; counted as within the window, which bars recognition",
    "finding.veto.outsideWindow":
      "Occurred on {date}, before {windowStart}: outside the {years}-year window, no effect",
    "finding.veto.unanswered": "Say whether this happened (是 yes / 否 no)",
    "finding.veto.noWindow":
      "The assessment date is missing, so whether the event on {date} is within the window is unknown; counted as barring recognition",
    "finding.status.notApplicableNoReason": "Marked not applicable; give the reason in the note",
    "finding.status.doneWithoutDate": "Marked done; please fill in the completion date",
    "finding.info.townshipMissing": "The township name is missing on the basic information sheet",
    "finding.info.assessmentYearInvalid":
      "Assessment year “{raw}” is not a valid year; enter four digits such as 2018. Inferred from the assessment date",
    "finding.info.assessmentYearAfterDate":
      "Assessment year {year} is after the year of the assessment date {assessmentDate}; inferred from the assessment date",
    "finding.declaration.withRecords":
      "{table} is declared “no such matters this assessment year” but has {records} record(s); the declaration is ignored and the records are scored",
    "finding.info.assessmentDateMissing":
      "The assessment date is missing on the basic information sheet; date checks cannot run",
    "finding.info.assessmentDateInvalid":
      "The assessment date “{raw}” is not a date; write it like 2018-12-31",
    "finding.input.missing": "{field} is missing on the basic information sheet",
    "finding.table.missing":
      "The table “{table}” cannot be found (deleted or renamed?); reinstall the template to restore it",
    "finding.row.outsideTable": "This row is outside the table's range; it was checked as a ledger record",
    "finding.column.missing":
      "Column “{column}” cannot be found, so its entries cannot be checked; rename the header back to “{column}”",
    // issue 12: the record a finding is in, requirements encoded by dropdown options, counts by kind.
    "finding.recordPrefix": "“{record}”: ",
    "finding.enum.answerNotAllowed":
      "{field} is “{raw}”, which breaks the requirement: it must be “{allowed}”",
    "finding.enum.optionNotAllowed":
      "{field} is “{raw}”, which breaks the requirement: it may not be “{raw}”; use {allowed}",
    "finding.count.belowMinOfKindInYear":
      "{what}: {count} of kind “{kind}” in {year}; at least {min} required",
    // Clause corrections (issue 12 item 3): each message quotes the clause it enforces.
    "finding.when.mustBeBlank":
      "{condition} is “{conditionValue}”, so {field} must be empty (it holds “{raw}”): {requirement}",
    "finding.when.missing": "{condition} is “{conditionValue}”, so {field} must be filled in: {requirement}",
    "finding.when.notAllowed":
      "{condition} is “{conditionValue}”, so {field} cannot be “{raw}”; use {allowed}. {requirement}",
    "finding.when.forbidden": "{condition} is “{conditionValue}”: {requirement}",
    "finding.notExpired.expired":
      "{field} {date} is before the assessment date {assessmentDate}: the certificate has expired. {requirement}",
    "finding.appliesTo.notApplicable":
      "The unit type is “{unitType}”; this duty falls on other kinds of body and does not apply: {requirement}",
    "finding.published.missing": "{field} is missing on the basic information sheet: {requirement}",
    "finding.published.channelMissing": "{field} is missing on the basic information sheet: {requirement}",
    "finding.published.beforeReport":
      "Made public on {published}, before the report itself ({reported}); please check: {requirement}",
    "finding.validity.overCapExplained":
      "Validity beyond the usual {max} years, with the reason “{reason}”; the text says validity is “generally” at most 5 years (3 for interim/trial): for the reviewer to weigh",
    "finding.requiredReviews.notApplicable":
      "{review} does not apply to this decision; reason: {reason} (for the reviewer to verify)",
    "finding.countMatches.mismatch":
      "{field} on the basic information sheet says {typed}, but {ledger} counts {counted}; the ledger is used — please check and correct",
    "finding.validity.expiredInForce":
      "The validity ended on {end} (assessment date {assessmentDate}) but {field} is still “yes”: a document past its validity lapses by itself",
  },
};
