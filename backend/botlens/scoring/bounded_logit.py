"""Logistic regression with per-coefficient bounds, for shape functions whose direction is known.

With thermometer columns (see :mod:`botlens.scoring.additive`) each coefficient is one step of a feature's
shape function, so a sign bound on all of a feature's steps makes that feature's effect monotone. The
directions come from the literature, not from one dataset (more likes or lists never make an account
more bot-like), which keeps source quirks such as one collection's typical list count out of the model.
Objective as scikit-learn's: ``C * sum(w_i * logloss_i) + 0.5 * |coef|^2``, intercept unpenalised.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit, log_expit
from sklearn.base import BaseEstimator, ClassifierMixin


class BoundedLogisticRegression(ClassifierMixin, BaseEstimator):
    def __init__(self, C: float = 1.0, lower=None, upper=None, max_iter: int = 2000, tol: float = 1e-7):
        self.C = C
        self.lower = lower
        self.upper = upper
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X, y, sample_weight=None):
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        if len(self.classes_) != 2:
            raise ValueError("BoundedLogisticRegression needs two classes")
        target = (y == self.classes_[1]).astype(np.float64)
        weight = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        n_coef = X.shape[1]
        lower = np.full(n_coef, -np.inf) if self.lower is None else np.asarray(self.lower, dtype=np.float64)
        upper = np.full(n_coef, np.inf) if self.upper is None else np.asarray(self.upper, dtype=np.float64)
        bounds = [(None if np.isinf(lo) else lo, None if np.isinf(hi) else hi) for lo, hi in zip(lower, upper)]
        bounds.append((None, None))  # intercept

        def loss_and_grad(theta: np.ndarray):
            coef, intercept = theta[:-1], theta[-1]
            z = X @ coef + intercept
            loss = -np.sum(weight * (target * log_expit(z) + (1 - target) * log_expit(-z)))
            residual = weight * (expit(z) - target)
            grad = np.empty_like(theta)
            grad[:-1] = self.C * (X.T @ residual) + coef
            grad[-1] = self.C * residual.sum()
            return self.C * loss + 0.5 * coef @ coef, grad

        start = np.zeros(n_coef + 1)
        start[:-1] = np.clip(0.0, lower, upper)
        result = minimize(loss_and_grad, start, jac=True, method="L-BFGS-B", bounds=bounds,
                          options={"maxiter": self.max_iter, "gtol": self.tol})
        self.coef_ = result.x[None, :-1]
        self.intercept_ = result.x[-1:]
        self.n_iter_ = np.array([result.nit])
        self.n_features_in_ = n_coef
        return self

    def decision_function(self, X):
        return np.asarray(X, dtype=np.float64) @ self.coef_[0] + self.intercept_[0]

    def predict_proba(self, X):
        p = expit(self.decision_function(X))
        return np.column_stack([1 - p, p])

    def predict(self, X):
        return self.classes_[(self.decision_function(X) > 0).astype(int)]
