"""What the dashboards count: one inspection's summary, and sums of many (pure Python)."""

from sidak.domain.analytics.summary import SummaryFacts, month_start, summary_facts, week_start
from sidak.domain.analytics.tally import Tally, tenths

__all__ = ["SummaryFacts", "Tally", "month_start", "summary_facts", "tenths", "week_start"]
