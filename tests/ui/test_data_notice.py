"""The notice of new data says what they are and what they changed, in the window's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from playground.data import load_dataset
from playground.ui.data_notice import new_data_notice
from playground.ui.translation import install_translators, remove_translators
from tests.ui.test_translation import packaging_translations


@pytest.fixture(scope="module")
def iris():
    return load_dataset({"name": "iris"})


@pytest.fixture(scope="module")
def diabetes():
    return load_dataset({"name": "diabetes"})


@pytest.fixture
def chinese(tmp_path: Path, qapp) -> Iterator[None]:
    packaging_translations().compile_all(tmp_path)
    translators = install_translators(qapp, "zh_CN", tmp_path)
    yield
    remove_translators(qapp, translators)


def test_a_classification_set_names_its_features_and_what_the_network_became(iris):
    assert new_data_notice(iris, (2,), output_fitted=True, run_dropped=False) == (
        f"New data: {len(iris.x_train)} training points, features sepal length (cm), sepal width (cm), petal length "
        "(cm), petal width (cm). The first layer now takes 4 inputs. The output layer now gives 3 outputs, for the "
        "cross-entropy loss.")


def test_a_regression_set_that_drops_a_run_says_training_starts_over(diabetes):
    assert new_data_notice(diabetes, (4,), output_fitted=True, run_dropped=True) == (
        f"New data: {len(diabetes.x_train)} training points, 10 features. The first layer now takes 10 inputs. The "
        "output layer now gives 1 output, for the mean squared error loss. Training starts over from new random "
        "weights.")
    # The same inputs and outputs as before, and no run dropped: the data alone.
    assert new_data_notice(diabetes, (10,), output_fitted=False, run_dropped=False) == (
        f"New data: {len(diabetes.x_train)} training points, 10 features.")


def test_the_notice_in_chinese(chinese, iris, diabetes):
    assert new_data_notice(iris, (2,), output_fitted=True, run_dropped=False) == (
        f"新数据：{len(iris.x_train)} 个训练点，特征 sepal length (cm)、sepal width (cm)、petal length (cm)、"
        "petal width (cm)。第一层现在接收 4 个输入。输出层现在给出 3 个输出，配合损失函数“交叉熵”。")
    assert new_data_notice(diabetes, (4,), output_fitted=True, run_dropped=True) == (
        f"新数据：{len(diabetes.x_train)} 个训练点，10 个特征。第一层现在接收 10 个输入。输出层现在给出 1 个输出，"
        "配合损失函数“均方误差 (MSE)”。训练从新的随机权重重新开始。")
