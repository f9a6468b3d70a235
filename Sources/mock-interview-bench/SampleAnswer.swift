/// A realistic 300-word answer to q1 (the churn model that degraded), the input of the
/// evaluation and storage benchmarks: prose with contractions, a negation, a filler and a hedge,
/// punctuation and a list, as a candidate types it.
enum SampleAnswer {
    static let questionID = "q1"

    static let text = """
        First I'd check whether the problem is in the data or in the model. I would compare the \
        production feature distributions with the training set, feature by feature, using a population \
        stability index or a KS test, because data drift is the most common reason a churn model degrades \
        a few weeks after launch. If the inputs changed, for example because the usage logging changed \
        or a new customer segment arrived, that explains a lot.

        Second, I'd look for training-serving skew: the features computed in the online pipeline may not \
        match the ones computed offline. A missing join, a different time window or a default value for \
        nulls can quietly change the inputs. I would log the served features and recompute them offline \
        for the same customers to see whether they agree.

        Third, I think concept drift is possible too. Customer behaviour changed after a price change or \
        a new competitor, so the relationship between usage and churn is not what it was. Basically the \
        labels arrive late, so I'd compare the predicted churn rate with the actual churn once the labels \
        come in, and look at calibration per segment.

        Then I'd check for leakage in the original training data: if a feature was only available after \
        the customer cancelled, the holdout score was too optimistic and the model won't hold up in \
        production.

        To fix it:
        - retrain on recent data, with a time-based split rather than a random one;
        - add monitoring of input distributions and of prediction drift, with alerts;
        - track the business metric, retention, not just AUC.

        Finally I would set up a regular retraining schedule and a shadow deployment, so that a new model \
        is compared with the current one on live traffic before it replaces it, and we notice the next \
        degradation early instead of weeks later.
        """
}
