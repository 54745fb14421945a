"""Evaluation: leave-one-dataset-out figures, plots, and the sections of model/MODEL_CARD.md.

Each evaluator has the signature ``evaluate_x(data_dir: Path, model_dir: Path, img_dir: Path) -> str`` and
returns a Markdown section; :mod:`botlens.evaluation.card` joins them into the model card.
"""
