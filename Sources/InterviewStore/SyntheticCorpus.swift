/// The small, fixed vocabulary synthetic sessions are made of: five questions like the real bank's,
/// their rubric concepts and stages, and sentence templates that answers are assembled from.
struct SyntheticCorpus {
    struct Concept {
        var id: String
        var label: String
        var weight: Double
        /// Words an answer that covers the concept would use.
        var phrase: String
    }

    struct Question {
        var id: String
        var prompt: String
        var concepts: [Concept]
        var stages: [(id: String, label: String)]
    }

    static let questions: [Question] = [
        Question(
            id: "q1",
            prompt: "Your model's accuracy dropped from 92% to 70% in production over two weeks. How would you investigate and fix it?",
            concepts: [
                Concept(id: "data-drift", label: "Data drift", weight: 3, phrase: "the input distribution drifted away from the training data"),
                Concept(id: "pipeline-check", label: "Feature pipeline checks", weight: 2, phrase: "a broken feature pipeline or a schema change upstream"),
                Concept(id: "retrain", label: "Retraining on recent data", weight: 2, phrase: "retraining on a recent window of labelled data"),
                Concept(id: "monitoring", label: "Monitoring and alerts", weight: 3, phrase: "monitoring the population stability index with alerts"),
                Concept(id: "ab-test", label: "A/B testing the fix", weight: 1, phrase: "an A/B test or a shadow deployment before the full rollout"),
                Concept(id: "iterate", label: "Iterating on the root cause", weight: 1, phrase: "a post-mortem so the root cause does not come back"),
            ],
            stages: [("root-cause", "Root cause"), ("fix", "Fix"), ("monitor", "Monitor"), ("iterate", "Iterate")]),
        Question(
            id: "q2",
            prompt: "You have a fraud dataset where 0.5% of transactions are fraudulent. How would you build a classifier?",
            concepts: [
                Concept(id: "metrics", label: "Precision, recall and PR-AUC", weight: 3, phrase: "precision, recall and the area under the precision-recall curve"),
                Concept(id: "resampling", label: "Resampling (SMOTE, undersampling)", weight: 2, phrase: "oversampling the minority class with SMOTE or undersampling the majority"),
                Concept(id: "class-weights", label: "Class weights", weight: 2, phrase: "class weights in the loss function"),
                Concept(id: "threshold", label: "Threshold tuning", weight: 2, phrase: "tuning the decision threshold against the cost of a missed fraud"),
                Concept(id: "anomaly", label: "Anomaly detection", weight: 1, phrase: "an isolation forest as an anomaly detector"),
                Concept(id: "stratified-split", label: "Stratified validation", weight: 1, phrase: "a stratified, time-aware validation split"),
            ],
            stages: [("challenges", "Challenges"), ("techniques", "Techniques"), ("trade-offs", "Trade-offs")]),
        Question(
            id: "q3",
            prompt: "Your training loss keeps falling but validation loss started rising after epoch ten. What is happening and what do you do?",
            concepts: [
                Concept(id: "overfitting", label: "Naming overfitting", weight: 3, phrase: "the model is overfitting and memorising the training set"),
                Concept(id: "regularization", label: "Regularisation", weight: 2, phrase: "L2 regularisation or weight decay"),
                Concept(id: "early-stopping", label: "Early stopping", weight: 2, phrase: "early stopping on the validation loss"),
                Concept(id: "dropout", label: "Dropout", weight: 1, phrase: "dropout between the dense layers"),
                Concept(id: "more-data", label: "More or augmented data", weight: 2, phrase: "collecting more data or augmenting the examples we have"),
                Concept(id: "cross-validation", label: "Cross-validation", weight: 1, phrase: "k-fold cross-validation to trust the estimate"),
            ],
            stages: [("diagnosis", "Diagnosis"), ("remedies", "Remedies"), ("validation", "Validation")]),
        Question(
            id: "q4",
            prompt: "How would you forecast daily demand for 5,000 products for the next 30 days?",
            concepts: [
                Concept(id: "baseline", label: "A naive baseline", weight: 2, phrase: "a seasonal naive baseline to beat"),
                Concept(id: "seasonality", label: "Seasonality and holidays", weight: 2, phrase: "weekly seasonality and holiday effects"),
                Concept(id: "lag-features", label: "Lag features", weight: 2, phrase: "lag and rolling-window features"),
                Concept(id: "leakage", label: "Leakage-free backtesting", weight: 3, phrase: "a rolling-origin backtest without leakage from the future"),
                Concept(id: "global-model", label: "One global model", weight: 1, phrase: "one global gradient-boosted model across products, or an LSTM"),
                Concept(id: "intervals", label: "Prediction intervals", weight: 1, phrase: "prediction intervals rather than a single number"),
            ],
            stages: [("framing", "Framing"), ("features", "Features"), ("model", "Model"), ("evaluation", "Evaluation")]),
        Question(
            id: "q5",
            prompt: "New users see poor recommendations in their first week. How would you fix the cold-start problem?",
            concepts: [
                Concept(id: "popularity", label: "Popularity baseline", weight: 2, phrase: "a popularity baseline segmented by region"),
                Concept(id: "content-features", label: "Content-based features", weight: 3, phrase: "content-based features of the items themselves"),
                Concept(id: "onboarding", label: "Onboarding questions", weight: 1, phrase: "a short onboarding questionnaire about interests"),
                Concept(id: "exploration", label: "Exploration (bandits)", weight: 2, phrase: "a multi-armed bandit to explore new items"),
                Concept(id: "embeddings", label: "Side-information embeddings", weight: 1, phrase: "embeddings learned from side information"),
                Concept(id: "online-eval", label: "Online evaluation", weight: 2, phrase: "online metrics like first-week retention in an experiment"),
            ],
            stages: [("problem", "Problem"), ("approaches", "Approaches"), ("evaluation", "Evaluation")]),
    ]

    static let openers = [
        "First, I would look at", "The first thing I would check is", "Before changing anything, I would consider",
        "A key part of this is", "I would definitely use", "Another thing that matters is", "In practice, I rely on",
        "To make this concrete, I would add", "Then I would move on to", "Finally, I would make sure we have",
    ]

    static let connectors = [
        "because it tells us whether the problem is in the data or in the model",
        "since that is usually the cheapest thing to rule out",
        "so that we can measure the effect of every change we make",
        "which keeps the evaluation honest",
        "and I would compare it against the previous version on the same slice",
        "so the team can react before the users notice",
        "because the business cost of errors is not symmetric",
        "and I would write down the assumptions so they can be checked later",
    ]

    static let fillers = [
        "Basically, the goal is to keep the model useful as the world changes.",
        "I think it is important to talk to the people who own the upstream data.",
        "We should also keep a simple model around as a fallback.",
        "It depends a bit on how quickly labels arrive.",
        "Um, I would also keep an eye on latency and cost.",
        "Honestly, most of the time the issue turns out to be in the data.",
        "I would document the decision so the next person understands it.",
        "We could sort of start small and expand once it works.",
    ]
}
