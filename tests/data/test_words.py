"""The data's sentences that the window shows (its errors, why a network does not fit the data) go through
playground/words.py's translator when they are made, whole, so the window reads them in its language. Here a
translator that marks what it is given stands in for Qt's."""

import pytest

from playground import words
from playground.data import load_dataset, reading
from playground.errors import DataError


@pytest.fixture
def marked(monkeypatch):
    monkeypatch.setattr(words, "_translate", lambda text: f"«{text}»")


def test_why_a_network_does_not_fit_the_data_is_one_translated_sentence(marked):
    iris, plane = load_dataset({"name": "iris"}), load_dataset({"name": "plane"})
    circle = load_dataset({"name": "circle"})
    assert iris.fit_problem(2, "cross_entropy", "2") == (
        "«The data has 3 classes, so the network needs 3 outputs; layer 2 gives 2: give it 3 units.»")
    assert circle.fit_problem(2, "binary_cross_entropy", "3") == (
        "«Two classes take one output, the chance of the second; layer 3 gives 2: give it 1 unit.»")
    assert plane.fit_problem(2, "mse", "1") == (
        "«The data has 1 target values per example, so the network needs 1 outputs; layer 1 gives 2: give it 1 unit.»")
    # The losses named as the window's loss selector names them.
    assert iris.fit_problem(3, "mse", "2") == (
        "«The «mean squared error» loss does not fit data of 3 classes: choose «cross-entropy».»")


def test_a_bad_setting_is_named_in_the_window_language(marked):
    with pytest.raises(DataError, match="«The dataset seed»"):
        load_dataset({"name": "circle", "seed": -1})
    # The names listed, parted by the window language's separator (words.listed: "、" in Chinese).
    listed = r"circle«, »xor«, ».*«, »csv"
    with pytest.raises(DataError, match=rf"^«There is no dataset 'nowhere': choose one of {listed}\.»$"):
        load_dataset({"name": "nowhere"})


def test_a_bad_file_is_described_in_the_window_language(marked, tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("a,b\n1,x\n2,y\n3\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^«Line 4 has 1 values, but the header has 2: every row needs the same number "
                                        r"of columns\.»$"):
        load_dataset({"name": "csv", "path": str(path)})
    with pytest.raises(reading.NotAFile) as refused:
        reading.open_regular(tmp_path)
    assert refused.value.strerror == "«it is a device, pipe or folder, not a file»"
