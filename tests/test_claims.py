"""Claims: the same party stating the same thing across articles, grouped, kept current on submit and delete."""
from __future__ import annotations

import datetime as dt
import json
import sys

import pytest
from test_errors import assert_problem
from test_ingest import auth

from models.claims import WEIGHTS, Appearance, _weight, group, near_duplicates, words
from models.database import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
import build_claim_weights  # noqa: E402
import evaluate_claims  # noqa: E402

DAY = dt.date(2021, 4, 15)


def appearance(pid, source, text, *, actor="RUSSIA", day=DAY):
    return Appearance.of(pid, source, actor, day, text)


# near duplicates: (a, b, same claim), from the press's wording
NEAR_DUPLICATES = [
    ("Nga ngày 15/4 thông báo sẽ chặn eo biển Kerch trong 6 tháng để tập trận quân sự",
     "Nga ngày 15/4 thông báo sẽ chặn eo biển Kerch trong 6 tháng để tập trận", True),
    ("Trung Quốc luôn coi Đài Loan là vùng lãnh thổ không thể tách rời",
     "Trung Quốc coi Đài Loan là một phần lãnh thổ không thể tách rời", True),
    ("cần tránh xa Crimea vì nguy cơ xảy ra các vụ việc ngoài ý muốn là rất cao",  # a clause inside a longer report
     "Sergei Ryabkov ngày 13/4 cảnh báo tàu chiến của Mỹ ở Biển Đen cần tránh xa Crimea vì nguy cơ xảy ra các vụ "
     "việc ngoài ý muốn là rất cao", True),
    # a paraphrase that shares few but rare words (weighted similarity 0.26; plain word Jaccard 0.16)
    ("Mỹ sẽ cho phép xuất khẩu cho Ấn Độ các nguyên liệu thô cần thiết cho sản xuất vắc xin, cũng như gửi các bộ "
     "xét nghiệm Covid-19, máy thở, quần áo bảo hộ cho Ấn Độ",
     "Nhà Trắng cũng thông báo sẽ cung cấp các nguồn nguyên liệu thô cần thiết cho Ấn Độ để nước này sản xuất vắc "
     "xin Covid-19", True),
    ("Trong khi đó, Nga bác bỏ các cáo buộc của Séc", "Nga đã bác bỏ những cáo buộc từ NATO", False),
    # the closest labelled-different pair (0.190, under MIN_SIMILARITY 0.20): two claims of one speaker
    ("Ông Borrell khẳng định đây là đợt triển khai quân sự lớn nhất của Nga ở khu vực giáp biên giới Ukraine từ "
     "trước đến nay",
     "Josep Borrell ước tính Nga đã triển khai hơn 100.000 binh sĩ đến Crimea và khu vực giáp biên giới Ukraine", False),
    pytest.param("Nga yêu cầu NATO rút quân", "Nga yêu cầu Mỹ rút quân khỏi Đông Âu và ngừng mở rộng", False,
                 marks=pytest.mark.xfail(strict=True, reason="known miss: a short demand shares its rarer words "
                                                             "with a longer one to another party (0.25)")),
    ("", "Nga yêu cầu NATO rút quân", False),
]


@pytest.mark.parametrize("a, b, same", NEAR_DUPLICATES)
def test_near_duplicates(a, b, same):
    assert near_duplicates(words(a), words(b)) is same


def test_words_fold_case_diacritics_and_punctuation():
    assert words("Đài Loan, ĐÀI LOAN!") == {"dai", "loan", "dai loan", "loan dai"}  # syllables and adjacent pairs


def test_rare_terms_weigh_more_than_common_ones():
    assert _weight("nguyen lieu") > _weight("crimea") > _weight("nga") > _weight("cua")
    assert _weight("kalibr") > _weight("nguyen lieu")  # in no sentence of the file: the rarest
    text = "Nga yêu cầu NATO rút quân"
    assert words(text).weight == pytest.approx(sum(map(_weight, words(text))))


def test_weights_file_is_what_the_script_builds(tmp_path):
    """models/data/claim_weights.json comes from scripts/build_claim_weights.py (the seed and dev-train articles)."""
    out = tmp_path / "weights.json"
    assert build_claim_weights.main(["--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(WEIGHTS.read_text(encoding="utf-8"))


def test_grouping_links_other_articles_of_the_same_party_within_the_window():
    text = "Nga ngày 15/4 thông báo sẽ chặn eo biển Kerch trong 6 tháng để tập trận quân sự"
    claims = group([
        appearance("b", "s2", text), appearance("a", "s1", text),
        appearance("c", "s1", text),  # a's own article: joins through b, not through a
        appearance("d", "s3", text, actor="US"),  # another party
        appearance("e", "s4", text, day=DAY + dt.timedelta(days=30)),  # a month later
        appearance("f", "s5", text, day=None),  # undated: compared with all
    ])
    assert claims == {"a": "a", "b": "a", "c": "a", "d": "d", "e": "a", "f": "a"}  # e joins through f
    assert group([appearance("a", "s1", text), appearance("b", "s1", text)]) == {"a": "a", "b": "b"}  # one article


def test_grouping_does_not_depend_on_order():
    items = [appearance(str(i), f"s{i}", "Moscow nói các hoạt động quân sự không nhằm vào bất cứ quốc gia nào",
                        day=DAY + dt.timedelta(days=i * 5)) for i in range(5)]
    assert group(items) == group(list(reversed(items))) == {str(i): "0" for i in range(5)}


def test_pair_precision_and_recall_floor():
    """scripts/evaluate_claims.py on the labelled pairs (docs/claims.md): precision is the requirement."""
    result = evaluate_claims.evaluate()
    assert result["labelled"] >= 80
    assert result["precision"] >= 0.90
    assert result["recall"] >= 0.42  # 0.443 measured (docs/claims.md), tuned on these pairs


# the API: a submitted article restating a seeded position -------------------------------------------------

def restating(client) -> tuple[dict, str]:
    """A seeded NATO position and an article that restates its sentence (another outlet, same day)."""
    source = client.get("/sources").get_json()["items"][0]
    detail = client.get(f"/sources/{source['id']}").get_json()
    text = detail["text"]
    position = next(p for p in detail["positions"] if p["actor"]["code"] == "NATO")
    start, end = text.rfind(".", 0, position["start"]) + 1, text.find(".", position["end"]) + 1
    sentence = text[start:end].strip()
    article = (f"Theo tin từ Brussels, {sentence[0].lower()}{sentence[1:]} Giới quan sát cho rằng đây là một bước "
               "đi đáng chú ý trong bối cảnh căng thẳng giữa Nga và phương Tây vẫn chưa hạ nhiệt.")
    return position, article


@pytest.fixture()
def restated(client, api_key):
    position, article = restating(client)
    response = client.post("/articles", json={"text": article, "outlet": "Kiểm chứng",
                                              "published": position["source"]["published"]}, headers=auth(api_key))
    assert response.status_code == 201
    yield position, response.get_json()
    client.delete(f"/sources/{response.get_json()['id']}", headers=auth(api_key))


def test_every_position_has_a_claim(client):
    items = client.get("/positions?per_page=100").get_json()["items"]
    assert items and all(p["claim"] for p in items)
    alone = items[0]
    claim = client.get(f"/claims/{alone['claim']}").get_json()
    assert alone["id"] in [p["id"] for p in claim["appearances"]["items"]]


def test_a_restatement_joins_the_claim_and_leaves_it_when_deleted(client, api_key, restated):
    position, submitted = restated
    claim_id = client.get(f"/positions/{position['id']}").get_json()["claim"]
    joined = [p for p in submitted["positions"] if p["claim"] == claim_id]
    assert joined, "the restated position joins the seeded one's claim"
    claim = client.get(f"/claims/{claim_id}").get_json()
    appearances = claim["appearances"]["items"]
    assert claim["id"] == min(p["id"] for p in appearances) and claim["appearances"]["total"] == len(appearances)
    assert {p["source"]["id"] for p in appearances} == {position["source"]["id"], submitted["id"]}
    one = client.get(f"/claims/{claim_id}?per_page=1&page=2").get_json()["appearances"]
    assert one["items"] == appearances[1:2] and one["pages"] == len(appearances)
    assert "Kiểm chứng" in claim["outlets"] and claim["outlet_count"] == 2 and claim["source_count"] == 2
    assert claim["first_seen"] <= claim["last_seen"]
    listed = client.get("/claims?actor=NATO&per_page=1").get_json()["items"][0]  # most outlets first
    assert listed["outlet_count"] >= 2
    client.delete(f"/sources/{submitted['id']}", headers=auth(api_key))
    after = client.get(f"/claims/{claim_id}").get_json()
    assert [p["id"] for p in after["appearances"]["items"]] == [position["id"]] or after["source_count"] == 1


def test_claims_filter_sort_and_page(client):
    page = client.get("/claims?actor=Nga&sort=first_seen&per_page=5").get_json()
    assert page["items"] and all(c["position"]["actor"]["code"] == "RUSSIA" for c in page["items"])
    seen = [c["first_seen"] for c in page["items"] if c["first_seen"]]
    assert seen == sorted(seen, reverse=True)
    assert page["total"] >= len(page["items"]) and page["links"]["self"]


@pytest.mark.parametrize("url, status", [
    ("/claims/0123456789abcdef", 404), ("/claims/nope", 404), ("/claims?sort=loudest", 400),
    ("/claims?actor=XYZ", 400), ("/claims/0123456789abcdef?x=1", 400), ("/claims?per_page=101", 400),
])
def test_claim_errors(client, url, status):
    assert_problem(client.get(url), status)


def test_claim_counts_agree_with_their_positions(client, api_key, restated):
    """The claim table's counts are kept with the grouping: every claim's counts are its positions'."""
    positions = [json.loads(line) for line in
                 client.get("/positions?format=ndjson").get_data(as_text=True).splitlines()]
    by_claim: dict[str, list[dict]] = {}
    for p in positions:
        by_claim.setdefault(p["claim"], []).append(p)
    listed, page = {}, 1
    while True:
        body = client.get(f"/claims?per_page=100&page={page}").get_json()
        listed.update({c["id"]: c for c in body["items"]})
        if page >= body["pages"]:
            break
        page += 1
    assert listed.keys() == by_claim.keys()
    for claim_id, members in by_claim.items():
        claim = listed[claim_id]
        assert claim_id == min(p["id"] for p in members)
        assert claim["appearance_count"] == len(members)
        assert claim["source_count"] == len({p["source"]["id"] for p in members})
        assert claim["outlet_count"] == len({p["source"]["outlet"] or p["source"]["id"] for p in members})


def test_kept_claims_equal_a_grouping_from_scratch(app, client, api_key, restated):
    """What submits and deletes kept (each position's claim, each claim's counts) is what grouping every
    position again gives."""
    import models
    from models.claims import regroup_all

    def state():
        claims = sorted(tuple((k, str(v)) for k, v in row.items()) for row in models.Claim.select().dicts())
        return dict(models.Position.select(models.Position.id, models.Position.claim_id).tuples()), claims

    extra = client.post("/articles", json={"text": restating(client)[1] + " Thêm một câu để bài khác đi.",
                                           "outlet": "Thứ ba"}, headers=auth(api_key)).get_json()
    client.delete(f"/sources/{extra['id']}", headers=auth(api_key))
    with app.app_context(), models.database.connection_context():
        with models.database.atomic() as transaction:
            kept = state()
            regroup_all()
            fresh = state()
            transaction.rollback()
    assert kept == fresh
