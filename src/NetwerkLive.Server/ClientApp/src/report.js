// The host's networking report: key figures from the JSON, and the CSV offered as a download
// (fetched with the host token, which a plain link could not send).

import { getReport, getReportCsv } from "./api.js";
import { byTestId, el, setText, show, busy } from "./dom.js";
import { strings } from "./strings.js";

const FIGURES = ["peopleMet", "distinctPairs", "newMeetings", "newCrossCompanyMeetings", "coffeeChats", "breakouts", "breakoutsWithCall", "mutualFollowUps"];

export class Report {
  constructor(eventId, token) {
    this.eventId = eventId;
    this.token = token;
    this.csvUrl = null;
    this.box = byTestId("host-report");
    this.csvLink = byTestId("host-report-csv");
    this.error = byTestId("host-report-error");
    const refresh = byTestId("host-report-refresh");
    refresh.addEventListener("click", busy(refresh, () => this.refresh()));
  }

  async refresh() {
    try {
      const [report, csv] = await Promise.all([getReport(this.eventId, this.token), getReportCsv(this.eventId, this.token)]);
      this.render(report);
      if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
      this.csvUrl = URL.createObjectURL(csv);
      this.csvLink.href = this.csvUrl;
      this.csvLink.download = `netwerklive-${this.eventId}-${strings.reportFileName}.csv`;
      show(this.csvLink, true);
      show(this.error, false);
      return report;
    } catch (error) {
      setText(this.error, error.message);
      show(this.error, true);
      return null;
    }
  }

  /** After a switch of language: the figures' names at once, then the report (and its CSV) in the new language. */
  relocalize() {
    if (this.last) this.render(this.last);
    return this.refresh();
  }

  render(report) {
    this.last = report;
    const figure = (key, value) => el("div", { class: "figure", attrs: { "data-figure": key } },
      el("dt", { text: strings.reportFigures[key] }),
      el("dd", { text: String(value) }));
    const figures = el("dl", { class: "figures" },
      figure("rounds", report.rounds.length),
      ...FIGURES.map((key) => figure(key, report[key])));
    const pairs = report.followUps.length
      ? el("ul", { class: "pairs" }, ...report.followUps.map((pair) =>
        el("li", { text: `${pair.a.displayName} & ${pair.b.displayName}` })))
      : null;
    this.box.replaceChildren(figures, ...(pairs ? [pairs] : []));
  }
}
